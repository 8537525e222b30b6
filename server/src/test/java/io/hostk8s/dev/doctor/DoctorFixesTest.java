package io.hostk8s.dev.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Doctor's failed checks come with the palette actions that fix them, and are listed as problems. */
class DoctorFixesTest {
  private static final DevTarget SANDBOX = new DevTarget(DevTarget.SANDBOX, "no Docker daemon", "Start Docker");
  private static final DevTarget CLUSTER = new DevTarget(DevTarget.CLUSTER, "Docker and kind found", null);

  @Test
  void onASandboxOnlyMachineTheSandboxNotRunningYetOffersStartSandbox() {
    DoctorReport r = DoctorReport.of(List.of(CheckResult.ok("java", "Java 17"),
        CheckResult.missing("docker", true, "no Docker daemon", "Start Docker").notNeeded("not needed for the sandbox"),
        CheckResult.missing("kubeconfig", true, "no kubeconfig", "hostk8s-dev up --sandbox").notNeeded("not running yet")), SANDBOX);
    assertThat(r.ok()).isTrue();
    assertThat(r.fixes()).containsExactly(Fix.START_SANDBOX);
    assertThat(r.problems()).hasSize(2).allMatch(l -> l.startsWith("⚠ "));
  }

  @Test
  void forARealClusterWithoutDockerTheFixIsTheSandboxNotStartCluster() {
    DoctorReport r = DoctorReport.of(List.of(CheckResult.missing("docker", true, "no Docker daemon", "Start Docker"),
        CheckResult.missing("kubeconfig", true, "no kubeconfig", "make start")), CLUSTER);
    assertThat(r.ok()).isFalse();
    assertThat(r.fixes()).containsExactly(Fix.START_SANDBOX);
    assertThat(r.problems()).containsExactly("✘ docker: no Docker daemon — fix: Start Docker", "✘ kubeconfig: no kubeconfig — fix: make start");
  }

  @Test
  void withDockerAMissingKubeconfigOffersStartClusterAndAllOkOffersNothing() {
    DoctorReport r = DoctorReport.of(List.of(CheckResult.ok("docker", "27.0"),
        CheckResult.missing("kubeconfig", true, "no kubeconfig", "make start")), CLUSTER);
    assertThat(r.fixes()).containsExactly(Fix.START_CLUSTER);
    DoctorReport ok = DoctorReport.of(List.of(CheckResult.ok("java", "17")), CLUSTER);
    assertThat(ok.fixes()).isEmpty();
    assertThat(ok.problems()).isEmpty();
  }
}
