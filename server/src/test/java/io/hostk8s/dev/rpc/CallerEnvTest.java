package io.hostk8s.dev.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.engine.Engines;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.BuildArgs;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command asked for from another process (a terminal while {@code dev} owns the engine) runs with that process's
 * Docker and registry variables — and only those travel.
 */
class CallerEnvTest {
  @TempDir Path root;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: "localhost:5002", pull: "localhost:5000" }
        services:
          vote: { context: vote, dockerfile: Dockerfile.dev }
          worker: null
          result: null
        """);
    Files.createDirectories(root.resolve("vote"));
    Files.writeString(root.resolve("vote/Dockerfile.dev"), "FROM base\n");
  }

  private String socket(String who) {
    return "unix://" + root.resolve(who + "/docker.sock");
  }

  @Test
  void aTerminalsBuildUsesItsOwnDockerNotTheOwners() throws Exception {
    Path sock = root.resolve(".hostk8s/engine/engine.sock");
    try (LocalEngine owner = Engines.local(root, Map.of("DOCKER_HOST", socket("owner")), null, "owner", "dev");
        EngineServer server = EngineServer.start(sock, owner)) {
      RemoteEngine terminal = RemoteEngine.connect(sock, "cli build", Map.of("DOCKER_HOST", socket("terminal"), "PATH", "/usr/bin"));
      HostK8sException e = failure(terminal.execute(CommandIds.BUILD, CommandArgs.of(new BuildArgs("vote", true)), Progress.NONE));
      assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE);
      assertThat(e.getMessage()).contains(root.resolve("terminal/docker.sock").toString()).doesNotContain("owner");

      // doctor checks the Docker that terminal would use
      String doctor = terminal.execute(CommandIds.DOCTOR, CommandArgs.of(new io.hostk8s.dev.protocol.commands.args.DoctorArgs(null)),
          Progress.NONE).get(60, TimeUnit.SECONDS).toString();
      assertThat(doctor).contains(root.resolve("terminal/docker.sock").toString()).doesNotContain("owner/docker.sock");

      // the owner's own command (the dev loop, the IDE that owns it) keeps the owner's Docker
      HostK8sException own = failure(owner.execute(CommandIds.BUILD, CommandArgs.of(new BuildArgs("vote", true)), Progress.NONE));
      assertThat(own.getMessage()).contains(root.resolve("owner/docker.sock").toString());
    }
  }

  @Test
  void onlyTheDockerAndRegistryVariablesTravelNeverATokenOrThePath() throws Exception {
    AtomicReference<Optional<Map<String, String>>> seen = new AtomicReference<>();
    EngineServerCloseTest.Owner recorder = new EngineServerCloseTest.Owner() {
      @Override
      public CompletableFuture<Object> execute(String commandId, CommandArgs args, Progress progress) {
        seen.set(args.callerEnv());
        return CompletableFuture.completedFuture(Map.of("ok", true));
      }
    };
    Path sock = root.resolve("engine.sock");
    try (EngineServer server = EngineServer.start(sock, recorder)) {
      RemoteEngine terminal = RemoteEngine.connect(sock, "cli", Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375",
          "REGISTRY_URL", "localhost:5999", "DIGITALOCEAN_ACCESS_TOKEN", "dop_v1_secret", "PATH", "/usr/bin", "HOME", "/root"));
      terminal.execute("anything", CommandArgs.of(new NoArgs()), Progress.NONE).get(10, TimeUnit.SECONDS);
      assertThat(seen.get()).contains(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375", "REGISTRY_URL", "localhost:5999"));
    }
  }

  @Test
  void whatTheCallerSetsReplacesTheOwnersAndWhatItDoesNotSetIsTheOwners() {
    Workspace owner = new Workspace(root, Map.of("DOCKER_HOST", socket("owner"), "REGISTRY_URL", "localhost:5111", "HOME", "/root"), null);
    assertThat(owner.config().config().registry().push()).isEqualTo("localhost:5111");
    assertThat(owner.forCaller(Optional.empty())).as("asked from the owner's process").isSameAs(owner);
    assertThat(owner.forCaller(Optional.of(Map.of("DOCKER_HOST", socket("owner"))))).as("the same values").isSameAs(owner);
    assertThat(owner.forCaller(Optional.of(Map.of()))).as("an IDE started from the desktop: nothing set").isSameAs(owner);

    Workspace terminal = owner.forCaller(Optional.of(Map.of("DOCKER_HOST", socket("terminal"))));
    assertThat(terminal.env()).containsEntry("DOCKER_HOST", socket("terminal")).containsEntry("HOME", "/root")
        .containsEntry("REGISTRY_URL", "localhost:5111");
    assertThat(terminal.config().config().registry().push()).as("the owner's, the terminal sets none").isEqualTo("localhost:5111");
    Workspace otherRegistry = owner.forCaller(Optional.of(Map.of("REGISTRY_URL", "localhost:5999")));
    assertThat(otherRegistry.config().config().registry().push()).isEqualTo("localhost:5999");
    assertThat(otherRegistry.env()).containsEntry("DOCKER_HOST", socket("owner"));
    assertThat(terminal.root()).isEqualTo(owner.root());
    assertThat(terminal.kubeconfig()).isEqualTo(owner.kubeconfig());
    assertThat(owner.env()).as("the owner's own is untouched").containsEntry("DOCKER_HOST", socket("owner"));
  }

  private static HostK8sException failure(CompletableFuture<Object> f) throws Exception {
    try {
      f.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      while (!(t instanceof HostK8sException) && t.getCause() != null) {
        t = t.getCause();
      }
      if (t instanceof HostK8sException h) {
        return h;
      }
      throw e;
    }
    throw new AssertionError("the build did not fail");
  }
}
