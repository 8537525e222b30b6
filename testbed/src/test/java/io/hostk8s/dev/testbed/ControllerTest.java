package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ControllerTest {

  @Test
  void replacingAPodKillsItsProcessAndAReadyReplacementAppearsWithWatchEvents(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("svc", "exec sleep 600")).create();
    Pod first = sandbox.awaitReady(TestWorkloads.NS, "app=svc", Duration.ofSeconds(60)).get(0);
    String oldName = first.getMetadata().getName();
    ProcessHandle oldProcess = sandbox.podProcess(TestWorkloads.NS, oldName).orElseThrow();
    assertThat(first.getMetadata().getOwnerReferences().get(0).getKind()).isEqualTo("Deployment");
    assertThat(first.getSpec().getNodeName()).isEqualTo("sandbox-control-plane");

    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch w = sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "svc")
        .watch(new Watcher<Pod>() {
          @Override
          public void eventReceived(Action action, Pod pod) {
            events.add(action + " " + pod.getMetadata().getName());
          }

          @Override
          public void onClose(WatcherException cause) {
          }
        })) {
      sandbox.replacePod(TestWorkloads.NS, oldName);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      Pod next = null;
      while (System.nanoTime() < deadline && next == null) {
        next = sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "svc").list().getItems()
            .stream().filter(p -> !p.getMetadata().getName().equals(oldName)).filter(Readiness::ready)
            .findFirst().orElse(null);
        Thread.sleep(100);
      }
      assertThat(next).as("a ready replacement pod").isNotNull();
      assertThat(oldProcess.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
      String newName = next.getMetadata().getName();
      assertThat(events).contains("DELETED " + oldName).contains("ADDED " + newName);
    }
    Deployment d = sandbox.awaitRollout(TestWorkloads.NS, "svc", Duration.ofSeconds(30));
    assertThat(d.getStatus().getReadyReplicas()).isEqualTo(1);
    assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(1);
  }

  @Test
  void serverSideApplyCreatesThenUpdatesAndTheChangedTemplateRollsThePod(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    Deployment d = TestWorkloads.command("applied", "exec sleep 600");
    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
        .add(new EnvVarBuilder().withName("GREETING").withValue("one").build());
    sandbox.client().resource(d).fieldManager("test").forceConflicts().serverSideApply();
    Pod first = sandbox.awaitReady(TestWorkloads.NS, "app=applied", Duration.ofSeconds(60)).get(0);
    assertThat(env(sandbox, first, "GREETING")).isEqualTo("one");

    d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0).setValue("two");
    d.getMetadata().setResourceVersion(null);
    sandbox.client().apps().deployments().inNamespace(TestWorkloads.NS).withName("applied")
        .patch(PatchContext.of(PatchType.SERVER_SIDE_APPLY), d);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Pod rolled = null;
    while (System.nanoTime() < deadline && rolled == null) {
      List<Pod> pods = sandbox.awaitReady(TestWorkloads.NS, "app=applied", Duration.ofSeconds(60));
      rolled = pods.size() == 1 && !pods.get(0).getMetadata().getName().equals(first.getMetadata().getName())
          ? pods.get(0) : null;
      Thread.sleep(100);
    }
    assertThat(rolled).as("the pod of the updated template").isNotNull();
    Deployment updated = sandbox.client().apps().deployments().inNamespace(TestWorkloads.NS).withName("applied")
        .get();
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);
    long genDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < genDeadline && !Long.valueOf(2L).equals(updated.getStatus().getObservedGeneration())) {
      Thread.sleep(100);
      updated = sandbox.client().apps().deployments().inNamespace(TestWorkloads.NS).withName("applied").get();
    }
    assertThat(updated.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(updated.getStatus().getUpdatedReplicas()).isEqualTo(1);
    assertThat(env(sandbox, rolled, "GREETING")).isEqualTo("two");
    assertThat(env(sandbox, rolled, "HOSTNAME")).isEqualTo(rolled.getMetadata().getName());
  }

  @Test
  void anExitingProcessIsRestartedAndCountedWithCrashLoopBackOff(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("crashy", "echo up; sleep 1; exit 7")).create();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    boolean sawBackOff = false;
    int restarts = 0;
    while (System.nanoTime() < deadline && !(sawBackOff && restarts >= 2)) {
      for (Pod p : sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "crashy").list()
          .getItems()) {
        if (p.getStatus() == null || p.getStatus().getContainerStatuses().isEmpty()) {
          continue;
        }
        var cs = p.getStatus().getContainerStatuses().get(0);
        restarts = Math.max(restarts, cs.getRestartCount());
        if (cs.getState().getWaiting() != null && "CrashLoopBackOff".equals(cs.getState().getWaiting().getReason())) {
          sawBackOff = true;
          assertThat(cs.getLastState().getTerminated().getExitCode()).isEqualTo(7);
        }
      }
      Thread.sleep(100);
    }
    assertThat(sawBackOff).isTrue();
    assertThat(restarts).isGreaterThanOrEqualTo(2);
    String name = sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "crashy").list()
        .getItems().get(0).getMetadata().getName();
    assertThat(sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(name).getLog())
        .contains("up\nup\n");
  }

  @Test
  void strategicMergePatchRollsAndDeletingTheDeploymentStopsItsPods(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("patched", "exec sleep 600")).create();
    Pod first = sandbox.awaitReady(TestWorkloads.NS, "app=patched", Duration.ofSeconds(60)).get(0);
    sandbox.client().apps().deployments().inNamespace(TestWorkloads.NS).withName("patched")
        .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"template\":{\"spec\":{\"containers\":"
            + "[{\"name\":\"patched\",\"env\":[{\"name\":\"MODE\",\"value\":\"debug\"}]}]}}}}");
    Deployment d = sandbox.awaitRollout(TestWorkloads.NS, "patched", Duration.ofSeconds(60));
    assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .as("merged by container name, not replaced").isEqualTo("localhost:5000/test-patched:1");
    Pod rolled = sandbox.awaitReady(TestWorkloads.NS, "app=patched", Duration.ofSeconds(60)).get(0);
    assertThat(rolled.getMetadata().getName()).isNotEqualTo(first.getMetadata().getName());
    assertThat(env(sandbox, rolled, "MODE")).isEqualTo("debug");

    ProcessHandle process = sandbox.podProcess(TestWorkloads.NS, rolled.getMetadata().getName()).orElseThrow();
    sandbox.client().apps().deployments().inNamespace(TestWorkloads.NS).withName("patched").delete();
    assertThat(process.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && !sandbox.client().pods().inNamespace(TestWorkloads.NS)
        .withLabel("app", "patched").list().getItems().isEmpty()) {
      Thread.sleep(100);
    }
    assertThat(sandbox.client().pods().inNamespace(TestWorkloads.NS).withLabel("app", "patched").list().getItems())
        .isEmpty();
  }

  private static String env(Sandbox sandbox, Pod pod, String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch w = sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(pod.getMetadata().getName())
        .writingOutput(out).exec("printenv", name)) {
      w.exitCode().get(60, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8).trim();
  }
}
