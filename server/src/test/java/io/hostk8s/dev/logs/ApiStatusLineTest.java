package io.hostk8s.dev.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiStatusLineTest {
  @Test
  void theApisErrorAnswerIsRecognisedWithItsCodeAndMessage() {
    String status = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\"pod \\\"vote-x\\\" in namespace \\\"sample-app\\\" has no running container\",\"reason\":\"NotFound\",\"code\":404}";
    assertThat(ApiStatusLine.error(status)).contains("404 NotFound: pod \"vote-x\" in namespace \"sample-app\" has no running container");
  }

  @Test
  void logLinesAreNotErrorsEvenWhenTheyAreJsonOrMentionStatus() {
    assertThat(ApiStatusLine.error(" * Serving Flask app 'app'")).isEmpty();
    assertThat(ApiStatusLine.error("{\"level\":\"info\",\"msg\":\"Status\"}")).isEmpty();
    assertThat(ApiStatusLine.error("{\"kind\":\"Status\" broken")).isEmpty();
    assertThat(ApiStatusLine.error("[\"Status\"]")).isEmpty();
  }
}
