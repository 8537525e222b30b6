package io.hostk8s.dev.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hostk8s.dev.config.RunningSandbox;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.BuildArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s.build}'s refusals, before any daemon is asked: an unknown service names the configured ones, a
 * service without a build says so, a cancelled build stops, and a missing daemon against the sandbox says the sandbox
 * needs no images. (Real builds and pushes: build/BuildCommandPodmanTest.)
 */
class BuildCommandTest {
  @TempDir Path root;
  private Map<String, String> noDaemon;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: "localhost:5002", pull: "localhost:5000" }
        services:
          vote: { context: vote, dockerfile: Dockerfile.dev }
          worker: null
          result: null
          redis: { context: redis }
        """);
    Files.createDirectories(root.resolve("vote"));
    Files.writeString(root.resolve("vote/Dockerfile.dev"), "FROM base\n");
    Files.createDirectories(root.resolve("redis"));
    noDaemon = Map.of("DOCKER_HOST", "unix://" + root.resolve("no-daemon/docker.sock"));
  }

  private HostK8sException fails(Workspace ws, BuildArgs args, Progress progress) {
    EngineServices engine = new EngineServices(ws, new EngineInfo("owner", "test", ProcessHandle.current().pid(), root.toString()),
        (spec, lines, p) -> {
          throw new IllegalStateException("build runs no processes");
        });
    try (engine) {
      Command build = Commands.standard(engine.processes()).get(CommandIds.BUILD);
      return catchThrowableOfType(HostK8sException.class, () -> build.run(new CommandContext(engine, CommandArgs.of(args), progress)));
    }
  }

  @Test
  void anUnknownServiceIsRefusedWithTheConfiguredServicesBeforeTheDaemonIsAsked() {
    HostK8sException e = fails(new Workspace(root, noDaemon, null), new BuildArgs("nope", null), Progress.NONE);
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_SERVICE);
    assertThat(e.getMessage()).contains("'nope'");
    assertThat(e.suggestions()).singleElement().asString().contains("Configured services: vote, redis").contains("hostk8s-dev build");
  }

  @Test
  void aNamedServiceWithoutABuildSaysWhatIsMissingAndWhichServicesHaveOne() {
    HostK8sException e = fails(new Workspace(root, noDaemon, null), new BuildArgs("redis", true), Progress.NONE);
    assertThat(e.code()).isEqualTo(ErrorCode.NOTHING_TO_BUILD);
    assertThat(e.getMessage()).contains("redis").contains("no pom.xml and no Dockerfile in redis");
    assertThat(e.suggestions()).singleElement().asString().contains("services with a build: vote.");
  }

  @Test
  void buildingAllWithoutADaemonFailsOnTheFirstServiceWithABuild() {
    HostK8sException e = fails(new Workspace(root, noDaemon, null), new BuildArgs(null, null), Progress.NONE);
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.suggestions()).noneMatch(s -> s.contains("sandbox"));
  }

  @Test
  void withoutADaemonAgainstTheSandboxTheErrorSaysTheSandboxNeedsNoImages() {
    Path sandboxKubeconfig = RunningSandbox.stateDir(root).resolve("kubeconfig");
    HostK8sException e = fails(new Workspace(root, noDaemon, sandboxKubeconfig), new BuildArgs("vote", null), Progress.NONE);
    assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
    assertThat(e.suggestions()).last().asString().contains("targets the sandbox test bed, which needs no images")
        .contains("hostk8s-dev up --sandbox");
  }

  @Test
  void aCancelledBuildStopsBeforeTheFirstService() {
    Progress cancelled = new Progress() {
      @Override public void begin(String title) {}
      @Override public void report(String message, Integer percentage) {}
      @Override public void end(String message) {}
      @Override public boolean isCancelled() {
        return true;
      }
    };
    assertThat(fails(new Workspace(root, noDaemon, null), new BuildArgs(null, null), cancelled).code()).isEqualTo(ErrorCode.CANCELLED);
  }
}
