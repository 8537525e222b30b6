package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.doctor.DoctorReport;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.SyncStatus;
import io.hostk8s.dev.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CLI's text output reads like the JSON it comes from, without doubled prefixes. */
class FormattersTest {
  private static StatusSnapshot snapshot(List<ServiceStatus> services, List<ForwardStatus> forwards, List<DebugSessionStatus> debug) {
    return new StatusSnapshot("1", new EngineInfo("owner", "cli", 42, "/ws"),
        new ClusterStatus("running", "hostk8s", "kind-hostk8s", "http://127.0.0.1:1", "/ws/kc", 1, 1, null), services, forwards, debug, null, 3);
  }

  @Test
  void textStatusShowsEachServicesSyncForwardsAndDebugSessionsLikeTheJson() {
    SyncStatus watching = new SyncStatus("watching", 41L, 40L, 60L, 3, 1, 120L, 380L, "vote-1", null, 150L, 380L);
    String text = Formatters.status(Json.GSON.toJsonTree(snapshot(
        List.of(new ServiceStatus("vote", 1, 1, List.of("vote-1"), null, watching),
            new ServiceStatus("worker", 1, 1, List.of("worker-1"), null, SyncStatus.OFF)),
        List.of(new ForwardStatus("vote", "http", 8080, 80, "vote-1", "active", "http://127.0.0.1:8080/")),
        List.of(new DebugSessionStatus("1", "vote", "python", "attached")))));
    assertThat(text).contains("service  vote     1/1 ready  · sync watching (vote-1), 3 batches, save → applied 41 ms (p50 40, p95 60), "
        + "serving 380 ms after the save (p50 150, p95 380)")
        .containsPattern("(?m)^service  worker   1/1 ready$")
        .contains("forward  vote 127.0.0.1:8080 → 80 (active)").contains("debug    vote python attached")
        .doesNotContain("sync     off");
  }

  @Test
  void textStatusSaysWhenNothingSyncsOrIsForwardedOrDebugged() {
    String text = Formatters.status(Json.GSON.toJsonTree(snapshot(
        List.of(new ServiceStatus("vote", 0, 0, List.of(), "cluster not running", SyncStatus.OFF)), List.of(), List.of())));
    assertThat(text).contains("service  vote     0/0 ready  cluster not running").contains("\nsync     off")
        .contains("\nforward  none").contains("\ndebug    no sessions");
  }

  @Test
  void doctorTextNamesTheTargetAndMarksWhatItDoesNotNeed() {
    DoctorReport r = DoctorReport.of(List.of(CheckResult.ok("java", "Java 17"),
        CheckResult.missing("docker", true, "no Docker daemon", "Start Docker").notNeeded("not needed for the sandbox")),
        new DevTarget(DevTarget.SANDBOX, "no real cluster possible here: no Docker daemon", "Start Docker"));
    String text = Formatters.doctor(Json.GSON.toJsonTree(r));
    assertThat(text).startsWith("target: the sandbox — no real cluster possible here: no Docker daemon\n")
        .contains("✔ java             Java 17").contains("– docker           not needed for the sandbox: no Docker daemon")
        .doesNotContain("fix: Start Docker").endsWith("Everything the sandbox needs is in place.");
    assertThat(Formatters.doctorExit(Json.GSON.toJsonTree(r))).isZero();
  }

  @Test
  void anEventWhoseMessageNamesItsServiceIsNotPrefixedTwice() {
    assertThat(HostK8sEvent.of("sync.started", "vote", "vote: syncing a → b").text()).isEqualTo("vote: syncing a → b");
    assertThat(HostK8sEvent.of("sync.batch", "vote", "vote → vote-1: 1 file(s)").text()).isEqualTo("vote → vote-1: 1 file(s)");
    assertThat(HostK8sEvent.of("run.local.started", "vote", "vote runs on the host").text()).isEqualTo("vote runs on the host");
    assertThat(HostK8sEvent.of("logs.follow", "vote", "following the logs of vote").text()).isEqualTo("vote: following the logs of vote");
    assertThat(HostK8sEvent.of("x", "vote", "voter count 3").text()).isEqualTo("vote: voter count 3");
    assertThat(HostK8sEvent.of("sandbox.up", null, "sandbox running").text()).isEqualTo("sandbox running");
  }
}
