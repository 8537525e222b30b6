package io.hostk8s.dev.config;

import static io.hostk8s.dev.config.ConfigFixtures.votingWorkspace;
import static io.hostk8s.dev.config.ConfigFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path ws;

  private LoadedConfig load(Map<String, String> env) {
    return new ConfigLoader(env).load(ws);
  }

  @Test
  void withoutAFileTheVotingAppDefaultsApplyAndNothingIsWrong() {
    votingWorkspace(ws);
    LoadedConfig loaded = load(Map.of());
    assertThat(loaded.config()).isEqualTo(Defaults.votingApp());
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.configFile()).isEmpty();
    assertThat(loaded.kubeconfig()).isEqualTo(ws.toAbsolutePath().resolve("data/kubeconfig/config"));
  }

  @Test
  void theFullFixtureLoadsWithoutProblems() {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, ConfigFixtures.fixture("full.hostk8s.dev.yaml"));
    LoadedConfig loaded = load(Map.of());
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.configFile()).contains(ws.resolve(ConfigLoader.FILE_NAME));
    assertThat(loaded.config().services().get("vote").debug()).isEqualTo(new DebugConfig("python", 5678, 15678, "/usr/local/app"));
    assertThat(loaded.config().cloud().digitalocean()).isEqualTo(new DigitalOceanConfig("voting", "fra1", "s-2vcpu-4gb", 2, "voting", "example.com"));
  }

  @Test
  void aServiceNamedLikeADefaultMergesFieldWiseAndNewNamesAreAdded() {
    votingWorkspace(ws);
    write(ws, "api/Dockerfile", "FROM scratch\n");
    write(ws, ConfigLoader.FILE_NAME, """
        services:
          vote:
            image: my-vote
            debug: { localPort: 15678 }
          api:
            debug: { runtime: node }
        """);
    DevConfig config = load(Map.of()).config();
    ServiceConfig vote = config.services().get("vote");
    ServiceConfig defaultVote = Defaults.votingApp().services().get("vote");
    assertThat(vote.image()).isEqualTo("my-vote");
    assertThat(vote.context()).isEqualTo(defaultVote.context());
    assertThat(vote.sync()).isEqualTo(defaultVote.sync());
    assertThat(vote.debug()).isEqualTo(new DebugConfig("python", 5678, 15678, "/usr/local/app"));
    assertThat(config.services()).containsOnlyKeys("vote", "worker", "result", "api");
    assertThat(List.copyOf(config.services().keySet())).containsExactly("vote", "worker", "result", "api");
    assertThat(config.services().get("api")).isEqualTo(new ServiceConfig("api", "Dockerfile", "hostk8s-api", Map.of("app", "api"), "api",
        List.of(), new DebugConfig("node", 9229, null, null)));
  }

  @Test
  void remoteRootDefaultsToTheFirstSyncTarget() {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, "services:\n  worker:\n    sync: [{ to: /opt/worker }]\n");
    assertThat(load(Map.of()).config().services().get("worker").debug()).isEqualTo(new DebugConfig("java", 5005, null, "/opt/worker"));
  }

  @Test
  void emptyServicesMeansNoServicesAndNullRemovesOne() {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, "services: {}\n");
    assertThat(load(Map.of()).config().services()).isEmpty();
    write(ws, ConfigLoader.FILE_NAME, "services:\n  worker: null\n  vote:\n    debug: null\n");
    DevConfig config = load(Map.of()).config();
    assertThat(config.services()).containsOnlyKeys("vote", "result");
    assertThat(config.services().get("vote").debug()).isNull();
  }

  @Test
  void malformedYamlGivesDefaultsAndOneSyntaxProblemAtTheRightLine() {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, "namespace: x\nservices:\n  vote:\n    debug: { runtime: python\n");
    LoadedConfig loaded = load(Map.of());
    assertThat(loaded.config()).isEqualTo(Defaults.votingApp());
    assertThat(loaded.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_YAML_SYNTAX);
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.severity()).isEqualTo(ConfigProblem.Severity.ERROR);
    });
  }

  @Test
  void aMissingWorkspaceGivesDefaultsWithUnpositionedProblems() {
    LoadedConfig loaded = new ConfigLoader(Map.of()).load(ws.resolve("does-not-exist"));
    assertThat(loaded.config()).isEqualTo(Defaults.votingApp());
    assertThat(loaded.problems()).isNotEmpty().noneMatch(ConfigProblem::hasPosition)
        .extracting(ConfigProblem::code).containsOnly(ErrorCode.CONFIG_CONTEXT_MISSING, ErrorCode.CONFIG_MANIFESTS_MISSING);
  }

  @Test
  void unreadableConfigIsAProblemNotACrash() throws Exception {
    votingWorkspace(ws);
    Files.write(ws.resolve(ConfigLoader.FILE_NAME), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', ':'});
    LoadedConfig loaded = load(Map.of());
    assertThat(loaded.config()).isEqualTo(Defaults.votingApp());
    assertThat(loaded.problems()).extracting(ConfigProblem::code).contains(ErrorCode.CONFIG_UNREADABLE);
  }

  @Test
  void aConfigOutsideTheWorkspaceIsRefusedForContextAndManifests() {
    votingWorkspace(ws);
    write(ws, ConfigLoader.FILE_NAME, "services:\n  vote:\n    context: ../../etc\ndeploy:\n  manifests: /etc\n");
    LoadedConfig loaded = load(Map.of());
    assertThat(loaded.config().services().get("vote").context()).isEqualTo("voting-app/vote");
    assertThat(loaded.config().deploy().manifests()).isEqualTo("voting-app/k8s/local");
    assertThat(loaded.problems()).extracting(ConfigProblem::code, ConfigProblem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.CONFIG_PATH_ESCAPES, 2),
            org.assertj.core.groups.Tuple.tuple(ErrorCode.CONFIG_PATH_ESCAPES, 4));
  }
}
