package io.hostk8s.dev.config;

import static io.hostk8s.dev.config.ConfigFixtures.votingWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code environments}: parsed into the config, and a value set for local but missing for the cloud is flagged (1115). */
class EnvironmentsConfigTest {
  @TempDir Path ws;

  private static final String FILE = """
      environments:
        local:
          services:
            vote: { replicas: 1, resources: { requests: { cpu: 50m } } }
          ingress: { host: vote.localhost }
          secrets:
            db-credentials: { password: { env: LOCAL_DB_PASSWORD } }
        cloud:
          services:
            vote: { replicas: 3, resources: { requests: { cpu: 200m, memory: 128Mi }, limits: { memory: 256Mi } } }
            db: { resources: { requests: { memory: 256Mi } } }
      """;

  @Test
  void bothEnvironmentsAreReadIntoTheConfig() {
    votingWorkspace(ws);
    EnvironmentsConfig envs = ConfigAnalyzer.analyze(ws, FILE).config().environments();
    assertThat(envs.local().services().get("vote").replicas()).isEqualTo(1);
    assertThat(envs.local().ingressHost()).isEqualTo("vote.localhost");
    assertThat(envs.local().secrets().get("db-credentials").get("password").env()).isEqualTo("LOCAL_DB_PASSWORD");
    assertThat(envs.cloud().services().get("vote").replicas()).isEqualTo(3);
    assertThat(envs.cloud().services().get("vote").requests()).isEqualTo(Map.of("cpu", "200m", "memory", "128Mi"));
    assertThat(envs.cloud().services().get("vote").limits()).isEqualTo(Map.of("memory", "256Mi"));
    assertThat(envs.of(false)).isSameAs(envs.cloud());
  }

  @Test
  void valuesTheCloudLeavesOutAreWarningsOnTheLocalValueWithTheKeyToSet() {
    votingWorkspace(ws);
    List<ConfigProblem> problems = ConfigAnalyzer.analyze(ws, FILE.replace("replicas: 3, ", "")).problems();
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_CLOUD_VALUE_MISSING);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
    });
    assertThat(problems).extracting(ConfigProblem::path).containsExactlyInAnyOrder(
        "environments.local.services.vote.replicas", "environments.local.ingress.host",
        "environments.local.secrets.db-credentials.password");
    ConfigProblem replicas = problems.stream().filter(p -> p.path().endsWith("vote.replicas")).findFirst().orElseThrow();
    assertThat(replicas.message()).contains("environments.cloud.services.vote.replicas is not set (local: 1)");
    assertThat(replicas.line()).as("on the local value in the file").isEqualTo(3);
  }

  @Test
  void aCompleteCloudEnvironmentHasNoProblem() {
    votingWorkspace(ws);
    assertThat(ConfigAnalyzer.analyze(ws, """
        environments:
          local: { services: { vote: { replicas: 1 } } }
          cloud: { services: { vote: { replicas: 2 } } }
        """).problems()).isEmpty();
  }
}
