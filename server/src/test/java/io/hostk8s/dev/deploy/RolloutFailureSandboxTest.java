package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a service is not ready surfaces in the status and in the rollout error: unknown image and crash loop fail fast
 * (4007), a Warning event is appended to the reason, a pod that merely never gets ready still waits for the timeout (4004).
 */
@ExtendWith(SandboxExtension.class)
class RolloutFailureSandboxTest {
  static final String NS = "broken";

  @TempDir
  Path ws;
  static Sandbox sandbox;
  static KubernetesClient watchClient;

  @BeforeAll
  static void oneSandboxForTheClass(Sandbox s) throws Exception {
    sandbox = s;
    watchClient = s.newClient();
  }

  @AfterAll
  static void closeClient() {
    watchClient.close();
  }

  static Deployment deployment(String name, String image, List<String> command) {
    return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage(image).withCommand(command).endContainer().endSpec()
        .endTemplate().endSpec().build();
  }

  /** A pod running {@code /bin/sh -c script} in the sandbox; with a port, ready only when something listens on it. */
  static Deployment scripted(String name, String script, Integer port) {
    Deployment d = deployment(name, "busybox:1", List.of());
    var template = d.getSpec().getTemplate();
    template.getMetadata().setAnnotations(Map.of("sandbox.hostk8s.io/command", script));
    if (port != null) {
      template.getSpec().getContainers().get(0).setPorts(List.of(new ContainerPortBuilder().withContainerPort(port).build()));
    }
    return d;
  }

  @Test
  void unknownImageAndCrashLoopAndWarningEventsSurface() throws Exception {
    KubernetesClient c = sandbox.client();
    c.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).serverSideApply();
    new Applier(c).apply(List.of(
        deployment("ghost", "localhost:5000/no-recipe-knows-me:1", List.of()),
        deployment("crasher", "busybox:1", List.of("/bin/sh", "-c", "echo bye; exit 3"))), new RecordingProgress(), 0, 100);
    EngineServices engine = DeployFixtures.engine(ws, sandbox.kubeconfigPath());
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    engine.events().subscribe(events::add);
    List<RolloutTarget> targets = List.of(new RolloutTarget("ghost", Map.of("app", "ghost"), "ghost", true),
        new RolloutTarget("crasher", Map.of("app", "crasher"), "crasher", false));

    try (RolloutWatcher watcher = new RolloutWatcher(watchClient, NS, targets, engine.status(), engine.events()).start()) {
      assertThat(DeploySandboxTest.await(() -> reason(watcher, "ghost").contains("ErrImageNeverPull"), Duration.ofSeconds(60)))
          .as("ghost: " + reason(watcher, "ghost")).isTrue();
      assertThat(DeploySandboxTest.await(() -> reason(watcher, "crasher").contains("CrashLoopBackOff"), Duration.ofSeconds(60)))
          .as("crasher: " + reason(watcher, "crasher")).isTrue();
      assertThat(reason(watcher, "ghost")).as("the kubelet's message").contains("no-recipe-knows-me");
      ServiceStatus ghost = engine.status().get().services().stream().filter(s -> s.name().equals("ghost")).findFirst().orElseThrow();
      assertThat(ghost.ready()).isZero();
      assertThat(ghost.total()).isEqualTo(1);
      assertThat(ghost.reason()).contains("ErrImageNeverPull");
      assertThat(engine.status().get().services()).as("other Deployments go to the status too, as not dev services")
          .anySatisfy(s -> {
            assertThat(s.name()).isEqualTo("crasher");
            assertThat(s.dev()).isFalse();
          })
          .allMatch(s -> s.name().equals("crasher") || s.isDev());
      assertThat(events).anyMatch(e -> e.type().equals("deploy.rollout") && "crasher".equals(e.service())
          && e.message().contains("CrashLoopBackOff"));

      assertThat(DeploySandboxTest.await(() -> restarts(c, "crasher") >= FailingContainers.CRASH_LIMIT
          && reason(watcher, "crasher").contains("CrashLoopBackOff"), Duration.ofSeconds(60))).as("crasher restarted 3 times").isTrue();
      RecordingProgress progress = new RecordingProgress();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> watcher.awaitReady(Duration.ofSeconds(60), progress, 90, 95))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).as("was 4004 after the timeout before fast failing").isEqualTo(ErrorCode.ROLLOUT_FAILED);
            assertThat(e.getMessage()).contains("ghost cannot start: pod ghost-").contains("ErrImageNeverPull — no sandbox recipe")
                .contains("crasher cannot start: pod crasher-").contains("CrashLoopBackOff, restarted ").contains("last exit code 3")
                .contains("  | bye");
            assertThat(e.suggestions()).anyMatch(f -> f.contains("localhost:5000/no-recipe-knows-me:1"))
                .anyMatch(f -> f.contains("Fix what the log of crasher shows"));
          });
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("fails at once, not after 60 s").isLessThan(Duration.ofSeconds(15));
      assertThat(progress.messages).contains("rollout: crasher | bye");

      Pod pod = c.pods().inNamespace(NS).withLabel("app", "ghost").list().getItems().get(0);
      c.v1().events().inNamespace(NS).resource(new EventBuilder().withNewMetadata().withName(pod.getMetadata().getName() + ".1")
          .withNamespace(NS).endMetadata().withType("Warning").withReason("Failed")
          .withMessage("Failed to pull image \"localhost:5000/no-recipe-knows-me:1\": not found")
          .withLastTimestamp(Instant.now().toString())
          .withNewInvolvedObject().withKind("Pod").withName(pod.getMetadata().getName()).withNamespace(NS).endInvolvedObject()
          .build()).create();
      assertThat(DeploySandboxTest.await(() -> reason(watcher, "ghost").contains("last event Failed: Failed to pull image"), Duration.ofSeconds(30)))
          .as("ghost: " + reason(watcher, "ghost")).isTrue();
      assertThat(DeploySandboxTest.await(() -> engine.status().get().services().stream()
          .anyMatch(s -> s.name().equals("ghost") && s.reason().contains("last event Failed")), Duration.ofSeconds(10))).isTrue();
    }
  }

  @Test
  void awaitReadyIsCancellable() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    try (RolloutWatcher watcher = watchSleeper()) {
      Thread canceller = new Thread(() -> {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        progress.cancelled = true;
      });
      canceller.start();
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> watcher.awaitReady(Duration.ofSeconds(60), progress, 90, 95))
          .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
      assertThat(progress.messages).contains("rollout: waiting for sleeper");
    }
  }

  @Test
  void aPodThatRunsButNeverGetsReadyStillWaitsForTheTimeout() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    try (RolloutWatcher watcher = watchSleeper()) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> watcher.awaitReady(Duration.ofSeconds(6), progress, 90, 95))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ROLLOUT_NOT_READY);
            assertThat(e.getMessage()).startsWith("Not ready after 6 s: sleeper (0/1 ready: ");
          });
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(6));
      assertThat(progress.messages).as("its state, once it has held for 2 s").contains("rollout: sleeper 0/1 Running");
    }
  }

  @Test
  void applyStopsBetweenObjectsWhenCancelled() {
    KubernetesClient c = sandbox.client();
    c.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).serverSideApply();
    RecordingProgress progress = new RecordingProgress() {
      @Override
      public void report(String message, Integer percentage) {
        super.report(message, percentage);
        cancelled = messages.size() >= 2;
      }
    };
    assertThatThrownBy(() -> new Applier(c).apply(List.of(deployment("first", "python-http", List.of()),
        deployment("second", "python-http", List.of()), deployment("third", "python-http", List.of())), progress, 0, 100))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(c.apps().deployments().inNamespace(NS).withName("first").get()).isNotNull();
    assertThat(c.apps().deployments().inNamespace(NS).withName("second").get()).isNotNull();
    assertThat(c.apps().deployments().inNamespace(NS).withName("third").get()).as("not applied after the cancel").isNull();
    assertThat(progress.messages).containsExactly("apply: Deployment/first (1/3)", "apply: Deployment/second (2/3)");
  }

  static int restarts(KubernetesClient c, String app) {
    return c.pods().inNamespace(NS).withLabel("app", app).list().getItems().stream()
        .flatMap(p -> p.getStatus() == null || p.getStatus().getContainerStatuses() == null ? java.util.stream.Stream.empty()
            : p.getStatus().getContainerStatuses().stream())
        .mapToInt(cs -> cs.getRestartCount() == null ? 0 : cs.getRestartCount()).max().orElse(0);
  }

  static String reason(RolloutWatcher w, String name) {
    return w.current().stream().filter(r -> r.name().equals(name)).map(r -> String.valueOf(r.reason())).findFirst().orElse("");
  }

  /** A pod that runs (sleep 600) but never gets ready, and a watcher on it. */
  private RolloutWatcher watchSleeper() throws Exception {
    KubernetesClient c = sandbox.client();
    c.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).serverSideApply();
    new Applier(c).apply(List.of(scripted("sleeper", "sleep 600", 8080)), new RecordingProgress(), 0, 100);
    return new RolloutWatcher(watchClient, NS, List.of(new RolloutTarget("sleeper", Map.of("app", "sleeper"), "sleeper", true)), null, null)
        .start();
  }
}
