package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.ClusterStatusCommand;
import io.hostk8s.dev.command.impl.ClusterStopCommand;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s.cluster.stop} that cannot stop anything stops nothing: on the sandbox it fails with CLUSTER_IS_SANDBOX
 * and the fix (Stop Sandbox), without Docker with DOCKER_UNREACHABLE — the forwards stay open either way. And
 * {@code hostk8s.cluster.status} names the sandbox as such.
 */
@ExtendWith(SandboxExtension.class)
class ClusterStopFailsFirstTest {
  @TempDir
  Path ws;

  private final ClusterService cluster = ClusterService.standard(new SystemProcessRunner());

  /** An engine on {@code ws} (vote's manifests) at {@code kubeconfig}, with a forward to vote open. */
  private EngineServices engineWithAForward(Path kubeconfig, Map<String, String> env) {
    EngineServices engine = ForwardFixtures.engine(ForwardFixtures.workspace(ws, List.of("vote.yaml")), kubeconfig, env);
    PortForwards.of(engine).open("vote", "http", 80, null);
    assertThat(forwards(engine)).containsExactly("vote/http");
    return engine;
  }

  private static List<String> forwards(EngineServices engine) {
    return PortForwards.of(engine).list().stream().map(f -> f.service() + "/" + f.name()).toList();
  }

  private static Path asWorkspaceSandbox(Path ws, Sandbox sandbox) throws Exception {
    Path kubeconfig = ws.resolve(".hostk8s/sandbox/kubeconfig");
    Files.createDirectories(kubeconfig.getParent());
    Files.copy(sandbox.kubeconfigPath(), kubeconfig);
    return kubeconfig;
  }

  @Test
  void stoppingTheClusterOnTheSandboxFailsWithStopSandboxAsTheFixAndStopsNothing(Sandbox sandbox) throws Exception {
    try (EngineServices engine = engineWithAForward(asWorkspaceSandbox(ws, sandbox), Map.of())) {
      CommandContext ctx = new CommandContext(engine, CommandArgs.none(), Progress.NONE);
      assertThatThrownBy(() -> new ClusterStopCommand(cluster).run(ctx)).isInstanceOfSatisfying(HostK8sException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_IS_SANDBOX);
        assertThat(e.getMessage()).contains("sandbox").contains("nothing was stopped");
        assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("Stop Sandbox").contains("sandbox down"));
      });
      assertThat(forwards(engine)).as("the forward is still open").containsExactly("vote/http");
      assertThat(engine.status().get().forwards()).extracting(ForwardStatus::service).containsExactly("vote");
    }
  }

  @Test
  void stoppingAKindClusterWithoutDockerStopsNothing(Sandbox sandbox) {
    Map<String, String> env = Map.of("DOCKER_HOST", "unix:///nonexistent", "PATH", "/usr/bin:/bin");
    try (EngineServices engine = engineWithAForward(sandbox.kubeconfigPath(), env)) {
      CommandContext ctx = new CommandContext(engine, CommandArgs.none(), Progress.NONE);
      assertThatThrownBy(() -> new ClusterStopCommand(cluster).run(ctx)).isInstanceOfSatisfying(HostK8sException.class,
          e -> assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_UNREACHABLE));
      assertThat(forwards(engine)).containsExactly("vote/http");
    }
  }

  @Test
  void clusterStatusNamesTheSandboxAsSuch(Sandbox sandbox) throws Exception {
    try (EngineServices engine = ForwardFixtures.engine(ws, asWorkspaceSandbox(ws, sandbox))) {
      ClusterService.Report r = (ClusterService.Report) new ClusterStatusCommand(cluster)
          .run(new CommandContext(engine, CommandArgs.none(), Progress.NONE));
      assertThat(r.via()).isEqualTo("sandbox");
      assertThat(r.cluster().target()).isEqualTo("sandbox");
      assertThat(r.message()).startsWith("the sandbox test bed: running").doesNotContain("kind");
      assertThat(engine.status().get().cluster().target()).as("the status snapshot carries the target").isEqualTo("sandbox");
    }
  }

  @Test
  void aClusterThatIsNotTheSandboxIsACluster(Sandbox sandbox) {
    try (EngineServices engine = ForwardFixtures.engine(ws, sandbox.kubeconfigPath())) {
      ClusterService.Report r = (ClusterService.Report) new ClusterStatusCommand(cluster)
          .run(new CommandContext(engine, CommandArgs.none(), Progress.NONE));
      assertThat(r.via()).isEqualTo("kind");
      assertThat(r.cluster().target()).isEqualTo("cluster");
      assertThat(r.message()).startsWith("cluster hostk8s (context kind-hostk8s): running");
    }
  }
}
