package io.hostk8s.dev.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HostK8s checkout path: detection, `make start|stop|status` argv/env, .env, progress lines, failures, cancel. */
class MakeClusterTest {
  static final String HOSTK8S_LIKE = """
      -include .env
      export
      start:
          @echo "cluster-up name=$$CLUSTER_NAME kubeconfig=$$KUBECONFIG"
          @echo "second line"
      stop:
          @echo "stopping"; exit 3
      status:
          @echo "status ok"
      slow:
          sleep 60 & echo $$! > sleep.pid; echo started; wait
      """;

  @TempDir
  Path dir;

  @Test
  void aCheckoutNeedsItsMakefileAndInfraScripts() throws Exception {
    Workspace plain = new Workspace(dir, Map.of(), null);
    assertThat(HostK8sCheckout.detect(plain)).isEmpty();
    Files.writeString(dir.resolve("Makefile"), "all:\n");
    assertThat(HostK8sCheckout.detect(new Workspace(dir, Map.of(), null))).isEmpty();
    Files.createDirectories(dir.resolve("infra/scripts"));
    assertThat(HostK8sCheckout.detect(new Workspace(dir, Map.of(), null))).contains(new HostK8sCheckout(dir.toAbsolutePath()));
  }

  @Test
  void hostk8sHomeFromTheEnvironmentOrDotEnvPointsAtACheckoutElsewhere() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path hk = Workspaces.checkout(dir.resolve("hostk8s"), HOSTK8S_LIKE);
    assertThat(HostK8sCheckout.detect(new Workspace(ws, Map.of("HOSTK8S_HOME", hk.toString()), null)).orElseThrow().root()).isEqualTo(hk);
    Files.writeString(ws.resolve(".env"), "HOSTK8S_HOME=../hostk8s\n");
    assertThat(HostK8sCheckout.detect(new Workspace(ws, Map.of(), null)).orElseThrow().root()).isEqualTo(hk);
  }

  @Test
  void startRunsMakeStartInTheCheckoutWithKubeconfigAndStreamsEveryLine() throws Exception {
    Workspaces.checkout(dir, HOSTK8S_LIKE);
    FakeProcessRunner fake = new FakeProcessRunner().answer("make start", 0, "Starting cluster", "Cluster ready");
    EngineServices engine = Workspaces.engine(dir, Map.of(), null, fake);
    RecordingProgress progress = new RecordingProgress();
    ClusterResult r = ClusterService.standard(fake).start(engine, progress);
    assertThat(fake.specs).hasSize(1);
    ProcessSpec spec = fake.specs.get(0);
    assertThat(spec.command()).containsExactly("make", "start");
    assertThat(spec.directory()).isEqualTo(dir.toAbsolutePath());
    assertThat(spec.env()).containsEntry("KUBECONFIG", dir.toAbsolutePath().resolve("data/kubeconfig/config").toString());
    assertThat(progress.reports).contains("Starting cluster", "Cluster ready");
    assertThat(r.via()).isEqualTo("make");
    assertThat(r.output()).containsExactly("Starting cluster", "Cluster ready");
    assertThat(engine.status().get().busy()).isNull();
  }

  @Test
  void realMakeHonoursDotEnvAndGetsKubeconfigLikeTheMakefileSetsIt() throws Exception {
    Workspaces.checkout(dir, HOSTK8S_LIKE);
    Files.writeString(dir.resolve(".env"), "CLUSTER_NAME=from-dotenv\n");
    EngineServices engine = Workspaces.engine(dir, Map.of(), null, new SystemProcessRunner());
    RecordingProgress progress = new RecordingProgress();
    ClusterResult r = ClusterService.standard(new SystemProcessRunner()).start(engine, progress);
    String expected = "cluster-up name=from-dotenv kubeconfig=" + dir.toAbsolutePath().resolve("data/kubeconfig/config");
    assertThat(r.output()).contains(expected, "second line");
    assertThat(progress.reports).contains(expected, "second line");
    assertThat(engine.status().get().cluster().name()).isEqualTo("from-dotenv");
  }

  @Test
  void aFailingMakeStopIsClusterStopFailedWithTheOutput() throws Exception {
    Workspaces.checkout(dir, HOSTK8S_LIKE);
    EngineServices engine = Workspaces.engine(dir, Map.of(), null, new SystemProcessRunner());
    assertThatThrownBy(() -> ClusterService.standard(new SystemProcessRunner()).stop(engine, new RecordingProgress()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.CLUSTER_STOP_FAILED);
          assertThat(e.getMessage()).contains("make stop").contains("exited 2").contains("stopping");
        });
  }

  @Test
  void statusReturnsMakeStatusOutputAndTheClusterPart() throws Exception {
    Workspaces.checkout(dir, HOSTK8S_LIKE);
    EngineServices engine = Workspaces.engine(dir, Map.of(), null, new SystemProcessRunner());
    ClusterService.Report r = ClusterService.standard(new SystemProcessRunner()).status(engine, Progress.NONE);
    assertThat(r.via()).isEqualTo("make");
    assertThat(r.output()).containsExactly("status ok");
    assertThat(r.cluster().state()).isEqualTo("stopped");
    assertThat(r.cluster().reason()).contains("no kubeconfig");
  }

  @Test
  void cancellingKillsTheMakeProcessTree() throws Exception {
    Workspaces.checkout(dir, HOSTK8S_LIKE);
    RecordingProgress progress = new RecordingProgress();
    progress.cancelWhen = "started"::equals;
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> new MakeCluster(new SystemProcessRunner()).run(new HostK8sCheckout(dir), "slow", ErrorCode.CLUSTER_START_FAILED, progress))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
    long sleepPid = awaitPid(dir.resolve("sleep.pid"));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ProcessHandle.of(sleepPid).map(ProcessHandle::isAlive).orElse(false)).as("make's child sleep " + sleepPid + " killed").isFalse();
  }

  private static long awaitPid(Path file) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Long.parseLong(lines.get(0).strip());
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no " + file);
  }
}
