package io.hostk8s.dev.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.config.ConfigFixtures;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One answer to "which cluster?": --kubeconfig, KUBECONFIG, this workspace's running sandbox, KUBECONFIG_PATH,
 * cluster.kubeconfig, the HostK8s default — read live, so a sandbox started or stopped elsewhere is seen at once.
 */
class KubeconfigOrderTest {
  @TempDir Path ws;

  private Path sandboxKubeconfig() {
    return ws.resolve(".hostk8s/sandbox/kubeconfig");
  }

  private void sandboxRunning(boolean alive) throws Exception {
    long pid = ProcessHandle.current().pid();
    if (!alive) {
      Process gone = new ProcessBuilder("true").start();
      gone.waitFor();
      pid = gone.pid();
    }
    ConfigFixtures.write(ws, ".hostk8s/sandbox/sandbox.pid", pid + "\n");
    ConfigFixtures.write(ws, ".hostk8s/sandbox/kubeconfig", "apiVersion: v1\nkind: Config\n");
    ConfigFixtures.write(ws, ".hostk8s/sandbox/ready", "http://127.0.0.1:1\n");
  }

  private void workspaceConfiguresItsRealCluster() {
    ConfigFixtures.votingWorkspace(ws);
    ConfigFixtures.write(ws, "hostk8s.dev.yaml", "cluster: { kubeconfig: y/conf }\n");
    ConfigFixtures.write(ws, ".env", "KUBECONFIG_PATH=d/conf\n");
  }

  @Test
  void theRunningSandboxOfThisWorkspaceWinsOverTheWorkspacesConfiguredCluster() throws Exception {
    workspaceConfiguresItsRealCluster();
    Workspace w = new Workspace(ws, Map.of(), null);
    assertThat(w.kubeconfigChoice()).isEqualTo(new Choice(ws.resolve("d/conf"), Source.KUBECONFIG_PATH));
    sandboxRunning(true);
    assertThat(w.kubeconfigChoice()).as("seen at once, no reload").isEqualTo(new Choice(sandboxKubeconfig(), Source.SANDBOX));
    assertThat(w.clusterKubeconfig()).as("cluster start|stop never touch the sandbox's kubeconfig").isEqualTo(ws.resolve("d/conf"));
  }

  @Test
  void anExplicitKubeconfigOrKubeconfigVariableStillWins() throws Exception {
    workspaceConfiguresItsRealCluster();
    sandboxRunning(true);
    assertThat(new Workspace(ws, Map.of("KUBECONFIG", "k/conf:other"), null).kubeconfigChoice())
        .isEqualTo(new Choice(ws.resolve("k/conf"), Source.KUBECONFIG));
    assertThat(new Workspace(ws, Map.of("KUBECONFIG", "k/conf"), ws.resolve("flag")).kubeconfigChoice())
        .isEqualTo(new Choice(ws.resolve("flag"), Source.FLAG));
  }

  @Test
  void aSandboxThatStoppedIsNotUsedEvenWhenTheEngineWasPointedAtIt() throws Exception {
    sandboxRunning(true);
    Workspace w = new Workspace(ws, Map.of("KUBECONFIG", "k/conf"), null);
    w.useKubeconfig(sandboxKubeconfig());
    assertThat(w.kubeconfigChoice().source()).as("sandbox up pins it, over KUBECONFIG").isEqualTo(Source.SANDBOX);
    sandboxRunning(false);
    assertThat(w.kubeconfigChoice()).isEqualTo(new Choice(ws.resolve("k/conf"), Source.KUBECONFIG));
    assertThat(new Workspace(ws, Map.of(), null).kubeconfigChoice())
        .isEqualTo(new Choice(ws.resolve("data/kubeconfig/config"), Source.DEFAULT));
  }

  private EngineServices engine(Map<String, String> env) {
    return new EngineServices(new Workspace(ws, env, null), new EngineInfo("observed", "test", 1, ws.toString()),
        (spec, lines, progress) -> {
          throw new IllegalStateException("no processes here");
        }, Engines.kubeSource()); // the engine's own source: its missing-kubeconfig error carries the fixes
  }

  @Test
  void aMissingKubeconfigWithoutDockerPointsAtTheSandboxNotAtAFixThatFailsTheSameWay() {
    Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + ws.resolve("no-docker.sock"));
    assertThatThrownBy(() -> engine(noDocker).kube()).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.KUBECONFIG_MISSING);
      assertThat(e.getMessage()).contains("data/kubeconfig/config (from the HostK8s default): no cluster is running for this workspace");
      assertThat(e.suggestions().get(0)).contains("No Docker daemon here").contains("`hostk8s-dev up --sandbox`")
          .contains("every command in this workspace then finds it");
      assertThat(String.join(" ", e.suggestions())).doesNotContain("`hostk8s-dev sandbox up`").contains("--kubeconfig FILE");
    });
  }

  @Test
  void aKubeconfigVariableThatHidesTheRunningSandboxSaysSo() throws Exception {
    sandboxRunning(true);
    assertThatThrownBy(() -> engine(Map.of("KUBECONFIG", ws.resolve("gone").toString())).kube())
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.getMessage()).contains("(from KUBECONFIG)");
          assertThat(e.suggestions()).singleElement().asString().contains("`unset KUBECONFIG`").contains(sandboxKubeconfig().toString());
        });
  }
}
