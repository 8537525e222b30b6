package io.hostk8s.dev.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.LocalRunConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalRunPlanTest {
  static Map<String, String> voteDeploymentEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPTION_A", "Cats");
    env.put("REDIS_HOST", "redis");
    env.put("REDIS_PORT", "6379");
    env.put("CACHE_URL_HOST", "other");
    return env;
  }

  @Test
  void votesDefaultGetsPlaceholdersFilledAndTheDeploymentEnvRewrittenToTheForward() {
    LocalRunPlan plan = LocalRunPlan.of("vote", LocalRunConfig.vote(), Path.of("/ws/voting-app/vote"), "/usr/bin/python3", "sample-app",
        voteDeploymentEnv(), Map.of("redis", 21234), 25000, 25001);
    assertThat(plan.command()).containsExactly("/usr/bin/python3", "-m", "debugpy", "--listen", "127.0.0.1:25001", "devserver.py",
        "--host", "127.0.0.1", "--port", "25000");
    assertThat(plan.env()).containsEntry("OPTION_A", "Cats").containsEntry("REDIS_HOST", "127.0.0.1").containsEntry("REDIS_PORT", "21234")
        .containsEntry("CACHE_URL_HOST", "other").containsEntry("FLASK_APP", "app");
    assertThat(plan.url()).isEqualTo("http://127.0.0.1:25000/");
  }

  @Test
  void aQualifiedServiceNameIsADependencyToo() {
    Map<String, String> env = Map.of("DB_HOST", "db.sample-app.svc.cluster.local");
    LocalRunConfig cfg = new LocalRunConfig(java.util.List.of("run"), null, null, Map.of(), java.util.List.of("db"), null, null);
    LocalRunPlan plan = LocalRunPlan.of("result", cfg, Path.of("/x"), "python3", "sample-app", env, Map.of("db", 25432), 1, 2);
    assertThat(plan.env()).containsEntry("DB_HOST", "127.0.0.1").containsEntry("DB_PORT", "25432");
    assertThat(LocalRunPlan.dependencyNamed("db.other-ns", "sample-app", Set.of("db"))).isNull();
  }

  @Test
  void unknownPlaceholdersAreLeftAsTheyAre() {
    assertThat(LocalRunPlan.fill("{python} {nope} {redis.port}", Map.of("python", "py", "redis.port", "1"))).isEqualTo("py {nope} 1");
  }
}
