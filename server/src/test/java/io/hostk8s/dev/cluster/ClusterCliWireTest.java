package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code hostk8s-dev cluster …} as users run it (the real jar in a subprocess). */
@ExtendWith(SandboxExtension.class)
class ClusterCliWireTest {
  private static final Logger LOG = Logger.getLogger(ClusterCliWireTest.class.getName());

  @TempDir
  Path ws;

  @Test
  void startWithoutDockerAndKindFailsFastWithTheCodeAndTheFix() throws Exception {
    long t0 = System.nanoTime();
    CliRunner.run(ws, Map.of(), "cluster", "status");
    long baseline = (System.nanoTime() - t0) / 1_000_000;
    t0 = System.nanoTime();
    CliRunner r = CliRunner.run(ws, Map.of("DOCKER_HOST", "unix:///nonexistent", "PATH", "/usr/bin:/bin"), "cluster", "start");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    LOG.info("hostk8s-dev cluster start without Docker: exit " + r.exit() + " in " + ms + " ms; cluster status without a cluster (same engine set-up): " + baseline + " ms");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("error [3001 DOCKER_UNREACHABLE]").contains("DOCKER_HOST=unix:///nonexistent")
        .contains("fix: Start Docker").contains("fix: kind is not on PATH either");
    // the preflight itself takes < 1 ms (KindClusterTest); here: nothing beyond JVM start + engine set-up (measured by a
    // `cluster status` without a cluster), which on an idle machine is ~1.5 s and several times that under heavy load
    assertThat(ms).as("cluster start (ms) vs cluster status (" + baseline + " ms)").isLessThan(baseline + 2000);
  }

  @Test
  void startWithDockerButWithoutKindIsKindMissing() throws Exception {
    Path socket = ws.resolve("docker.sock");
    try (ServerSocketChannel daemon = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      daemon.bind(UnixDomainSocketAddress.of(socket));
      CliRunner r = CliRunner.run(ws, Map.of("DOCKER_HOST", "unix://" + socket, "PATH", "/usr/bin:/bin"), "cluster", "start");
      assertThat(r.exit()).isEqualTo(1);
      assertThat(r.err()).contains("error [2003 KIND_MISSING]").contains("fix: Install kind");
    }
  }

  @Test
  void statusWithoutAClusterIsStoppedWithTheReasonAndExitsOne() throws Exception {
    CliRunner r = CliRunner.run(ws, Map.of(), "cluster", "status");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("cluster hostk8s: stopped (no kubeconfig at " + ws.toRealPath().resolve("data/kubeconfig/config") + ")");
    CliRunner json = CliRunner.run(ws, Map.of("CLUSTER_NAME", "devbox"), "cluster", "status", "--json");
    JsonObject report = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(report.get("via").getAsString()).isEqualTo("kind");
    assertThat(report.getAsJsonObject("cluster").get("name").getAsString()).isEqualTo("devbox");
    assertThat(report.getAsJsonObject("cluster").get("state").getAsString()).isEqualTo("stopped");
  }

  @Test
  void statusOfARunningClusterIsRunningWithItsNodesAndExitsZero(Sandbox sandbox) throws Exception {
    CliRunner r = CliRunner.run(ws, Map.of(), "cluster", "status", "--json", "--kubeconfig", sandbox.kubeconfigPath().toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonObject cluster = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("cluster");
    assertThat(cluster.get("state").getAsString()).isEqualTo("running");
    assertThat(cluster.get("nodesReady").getAsInt()).isEqualTo(1);
    assertThat(cluster.get("context").getAsString()).isEqualTo("kind-hostk8s");
  }

  @Test
  void inAHostK8sCheckoutStartRunsMakeStartAndStoppingTheCliKillsMakesProcessTree() throws Exception {
    Workspaces.checkout(ws, """
        start:
            sleep 120 & echo $$! > sleep.pid; echo started; wait
        """);
    CliProcess cli = CliProcess.start(ws, Map.of(), "cluster", "start", "-v");
    long sleepPid = -1;
    try {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (sleepPid < 0 && System.nanoTime() < deadline) {
        List<String> lines = Files.exists(ws.resolve("sleep.pid")) ? Files.readAllLines(ws.resolve("sleep.pid")) : List.of();
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          sleepPid = Long.parseLong(lines.get(0).strip());
        }
        Thread.sleep(50);
      }
      assertThat(sleepPid).as("make start began (output: " + cli.transcript() + ")").isPositive();
      cli.await(l -> l.contains("] started"), 30);
      assertThat(cli.transcript()).as("make's output streamed as progress").contains("] make start in ").contains("] started");
      cli.terminate();
      assertThat(cli.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      long pid = sleepPid;
      long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < gone) {
        Thread.sleep(50);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("make's child " + pid + " killed with the CLI").isFalse();
    } finally {
      cli.close();
      if (sleepPid > 0) {
        ProcessHandle.of(sleepPid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  @Test
  void everyClusterSubcommandHasHelp() throws Exception {
    for (String verb : new String[] {"start", "stop", "status"}) {
      CliRunner r = CliRunner.run(ws, Map.of(), "cluster", verb, "--help");
      assertThat(r.exit()).as(verb).isZero();
      assertThat(r.out()).startsWith("Usage: hostk8s-dev cluster " + verb);
    }
  }
}
