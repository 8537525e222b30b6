package io.hostk8s.dev.testbed.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real docker-registry with htpasswd auth: credentials wanted, the right ones let in, the password on no disk. */
class AuthRegistryTest {
  @TempDir Path dir;
  private final OkHttpClient http = new OkHttpClient();

  @Test
  void answersOnlyWithItsCredentialsAndKeepsNoPlainPasswordOnDisk() throws Exception {
    if (AuthRegistry.binary().isEmpty()) {
      String why = "docker-registry not installed (make setup installs it)";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why + " (CI=true: required)");
      }
      Assumptions.abort(why);
    }
    try (AuthRegistry registry = AuthRegistry.start(dir)) {
      assertThat(registry.host()).matches("127\\.0\\.0\\.1:\\d+");
      assertThat(status(registry, null)).isEqualTo(401);
      assertThat(status(registry, Credentials.basic(registry.user(), "wrong"))).isEqualTo(401);
      assertThat(status(registry, Credentials.basic(registry.user(), registry.password()))).isEqualTo(200);
      assertThat(registry.contents().repositories()).isEmpty();
      assertThat(registry.contents().tags("nothing/here")).isEmpty();
      assertThat(registry.toString()).doesNotContain(registry.password());
      try (var files = Files.walk(dir)) {
        assertThat(files.filter(Files::isRegularFile).toList())
            .allSatisfy(f -> assertThat(Files.readString(f)).doesNotContain(registry.password()));
      }
    }
  }

  private int status(AuthRegistry registry, String authorization) throws Exception {
    Request.Builder r = new Request.Builder().url("http://" + registry.host() + "/v2/");
    if (authorization != null) {
      r.header("Authorization", authorization);
    }
    try (Response response = http.newCall(r.build()).execute()) {
      return response.code();
    }
  }
}
