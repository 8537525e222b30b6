package io.hostk8s.dev.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.VersionInfo;
import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.config.ConfigFixtures;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.progress.Progress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Doctor checks what the chosen target needs, as `make dev` chooses it, and marks the rest as not needed. */
class DoctorTargetTest {
  @TempDir Path ws;

  private Map<String, String> noDocker() {
    return Map.of("DOCKER_HOST", "unix://" + ws.resolve("no-docker.sock"), "PATH", ws.resolve("empty-bin").toString());
  }

  /** This workspace's sandbox as a running one leaves it: a live pid (this JVM's), its kubeconfig, ready. */
  private void sandboxRunning() {
    ConfigFixtures.write(ws, ".hostk8s/sandbox/sandbox.pid", ProcessHandle.current().pid() + "\n");
    ConfigFixtures.write(ws, ".hostk8s/sandbox/kubeconfig", "apiVersion: v1\n");
    ConfigFixtures.write(ws, ".hostk8s/sandbox/ready", "http://127.0.0.1:1\n");
  }

  /** A check with a fixed outcome that only {@code target} needs. */
  private record Fixed(String name, boolean ok, String target) implements Check {
    @Override
    public CheckResult run(Workspace workspace) {
      return ok ? CheckResult.ok(name, "fine") : CheckResult.missing(name, true, "missing", "install " + name);
    }

    @Override
    public String notNeeded(DevTarget t, Workspace workspace) {
      return target == null || target.equals(t.name()) ? null : "not needed for " + t.label();
    }
  }

  @Test
  void withoutDockerTheTargetIsTheSandboxAndWhatOnlyARealClusterNeedsDoesNotFailIt() {
    Doctor doctor = new Doctor(List.of(new Fixed("docker", false, "cluster"), new Fixed("java", true, null),
        new Fixed("runtimes", true, "sandbox")));
    DoctorReport r = doctor.run(new Workspace(ws, noDocker(), null), null, Progress.NONE);
    assertThat(r.target()).isEqualTo("sandbox");
    assertThat(r.targetReason()).startsWith("no real cluster possible here: no Docker daemon");
    assertThat(r.ok()).isTrue();
    assertThat(r.checks()).extracting(CheckResult::name).as("needed first").containsExactly("java", "runtimes", "docker");
    CheckResult docker = r.checks().get(2);
    assertThat(docker.required()).isFalse();
    assertThat(docker.note()).isEqualTo("not needed for the sandbox");
    assertThat(docker.fix()).as("kept for whoever wants a real cluster").isEqualTo("install docker");
  }

  @Test
  void aForcedRealClusterFailsOnWhatItNeeds() {
    Doctor doctor = new Doctor(List.of(new Fixed("docker", false, "cluster"), new Fixed("runtimes", false, "sandbox")));
    DoctorReport r = doctor.run(new Workspace(ws, noDocker(), null), DevTarget.CLUSTER, Progress.NONE);
    assertThat(r.target()).isEqualTo("cluster");
    assertThat(r.ok()).isFalse();
    assertThat(r.checks()).extracting(CheckResult::name, CheckResult::required).containsExactly(
        org.assertj.core.groups.Tuple.tuple("docker", true), org.assertj.core.groups.Tuple.tuple("runtimes", false));
  }

  @Test
  void dockerAndKindMeanARealClusterUnlessThisWorkspacesSandboxIsRunning() throws Exception {
    Path bin = Files.createDirectories(ws.resolve("bin"));
    Path kind = Files.writeString(bin.resolve("kind"), "#!/bin/sh\n");
    assertThat(kind.toFile().setExecutable(true)).isTrue();
    try (ServerSocket docker = new ServerSocket(0)) {
      Map<String, String> env = Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + docker.getLocalPort(), "PATH", bin.toString());
      assertThat(DevTargets.choose(new Workspace(ws, env, null), null).name()).isEqualTo(DevTarget.CLUSTER);
      sandboxRunning();
      DevTarget t = DevTargets.choose(new Workspace(ws, env, null), null);
      assertThat(t.name()).isEqualTo(DevTarget.SANDBOX);
      assertThat(t.reason()).startsWith("this workspace's sandbox is running (");
      assertThat(t.fix()).isNull();
    }
  }

  @Test
  void theKubeconfigCheckIsNeededByTheSandboxOnlyOnceItRuns() {
    DevTarget sandbox = new DevTarget(DevTarget.SANDBOX, "--sandbox", null);
    Workspace w = new Workspace(ws, noDocker(), null);
    assertThat(new KubeconfigCheck().notNeeded(sandbox, w)).startsWith("not needed yet: the sandbox is not running");
    assertThat(new KubeconfigCheck().notNeeded(new DevTarget(DevTarget.CLUSTER, "--cluster", null), w)).isNull();
    sandboxRunning();
    assertThat(new KubeconfigCheck().notNeeded(sandbox, w)).isNull();
  }

  @Test
  void aServerThatReportsNoVersionIsNotPrintedAsNull() {
    assertThat(KubeconfigCheck.version(new VersionInfo.Builder().withMajor("0").withMinor("0").build())).isNull();
    assertThat(KubeconfigCheck.version(new VersionInfo.Builder().build())).isNull();
    assertThat(KubeconfigCheck.version(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.2").build()))
        .isEqualTo("v1.31.2");
    assertThat(KubeconfigCheck.version(new VersionInfo.Builder().withMajor("1").withMinor("30").build())).isEqualTo("1.30");
  }
}
