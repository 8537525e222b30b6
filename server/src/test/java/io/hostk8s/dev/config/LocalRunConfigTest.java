package io.hostk8s.dev.config;

import static io.hostk8s.dev.config.ConfigFixtures.votingWorkspace;
import static io.hostk8s.dev.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services.<name>.local: vote's default, key-by-key merging, env entries added/removed, null turns it off. */
class LocalRunConfigTest {
  @TempDir Path ws;

  private LoadedConfig load(String yaml) {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, yaml);
    return new ConfigLoader(Map.of()).load(ws);
  }

  @Test
  void voteHasADefaultLocalRunAndTheOthersNone() {
    LoadedConfig c = load("namespace: sample-app\n");
    assertThat(c.config().services().get("vote").local()).isEqualTo(LocalRunConfig.vote());
    assertThat(c.config().services().get("vote").local().dependencies()).containsExactly("redis");
    assertThat(c.config().services().get("worker").local()).isNull();
  }

  @Test
  void localIsMergedKeyByKeyOverTheDefault() {
    LoadedConfig c = load("""
        services:
          vote:
            local:
              python: /opt/py/bin/python
              port: 5000
              env: { OPTION_A: Tabs, PYDEVD_DISABLE_FILE_VALIDATION: null }
          worker:
            local:
              command: [java, -jar, target/app.jar]
              dependencies: [redis, db]
        """);
    assertThat(c.problems()).isEmpty();
    LocalRunConfig vote = c.config().services().get("vote").local();
    assertThat(vote.python()).isEqualTo("/opt/py/bin/python");
    assertThat(vote.port()).isEqualTo(5000);
    assertThat(vote.command()).isEqualTo(LocalRunConfig.vote().command());
    assertThat(vote.env()).containsEntry("OPTION_A", "Tabs").containsEntry("REDIS_HOST", "{redis.host}")
        .doesNotContainKey("PYDEVD_DISABLE_FILE_VALIDATION");
    LocalRunConfig worker = c.config().services().get("worker").local();
    assertThat(worker.command()).containsExactly("java", "-jar", "target/app.jar");
    assertThat(worker.dependencies()).containsExactly("redis", "db");
    assertThat(worker.cwd()).isEqualTo(".");
  }

  @Test
  void nullTurnsItOffAndUnknownKeysAreProblems() {
    assertThat(load("services:\n  vote:\n    local: null\n").config().services().get("vote").local()).isNull();
    LoadedConfig bad = load("services:\n  vote:\n    local:\n      comand: [x]\n");
    assertThat(bad.problems()).anyMatch(p -> p.message().contains("comand"));
    assertThat(bad.config().services().get("vote").local()).isEqualTo(LocalRunConfig.vote());
  }

  @Test
  void theSevenArgumentConstructorMeansNoLocalRun() {
    assertThat(new ServiceConfig("c", "Dockerfile", "i", Map.of("app", "c"), "c", List.of(), null).local()).isNull();
  }
}
