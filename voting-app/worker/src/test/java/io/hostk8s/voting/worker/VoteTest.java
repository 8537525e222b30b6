package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VoteTest {

  @Test
  void parsesTheVoteServicesMessage() throws Exception {
    assertThat(Vote.parse("{\"voter_id\": \"4f1c\", \"vote\": \"b\"}")).isEqualTo(new Vote("4f1c", "b"));
  }

  @Test
  void ignoresExtraFields() throws Exception {
    assertThat(Vote.parse("{\"vote\":\"a\",\"voter_id\":\"x\",\"ts\":1}")).isEqualTo(new Vote("x", "a"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{vote:'a',voter_id:'x'}", "{\"voter_id\":\"x\",\"vote\":\"a\"} trailing",
      "{\"voter_id\":\"x\"}", "{\"voter_id\":\"\",\"vote\":\"a\"}", "{\"voter_id\":\"x\",\"vote\":null}",
      "{\"voter_id\":{},\"vote\":\"a\"}", "\"a string\"", "[]"})
  void rejectsMalformedItems(String item) {
    assertThatThrownBy(() -> Vote.parse(item)).isInstanceOf(MalformedVoteException.class);
  }

  @Test
  void rejectsValuesWiderThanTheColumns() {
    assertThatThrownBy(() -> Vote.parse("{\"voter_id\":\"" + "x".repeat(256) + "\",\"vote\":\"a\"}"))
        .isInstanceOf(MalformedVoteException.class).hasMessageContaining("255");
  }
}
