package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The voting app deployed into one sandbox (real pod processes): readiness, pod replacement, Flux ownership. */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeploySandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static final List<StatusSnapshot> snapshots = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void deployTheVotingApp(Sandbox s) {
    sandbox = s;
    engine = DeployFixtures.engine(DeployFixtures.votingAppWorkspace(ws), s.kubeconfigPath());
    engine.status().onChange(snapshots::add);
  }

  @AfterAll
  static void endSession() {
    DeployService.endSession(engine);
  }

  static ServiceStatus service(StatusSnapshot s, String name) {
    return s.services().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  static boolean await(java.util.function.BooleanSupplier cond, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return cond.getAsBoolean();
  }

  @Test
  @Order(1)
  void everyServiceBecomesReadyAndTheStatusSaysSo() throws Exception {
    RecordingProgress progress = new RecordingProgress();
    long t0 = System.nanoTime();
    DeployResult result = DeployService.deploy(engine, Map.of(), DeployOptions.local().withTimeout(Duration.ofSeconds(240)), progress);
    System.err.printf("voting app deployed and ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    assertThat(result.ready()).isTrue();
    assertThat(result.services()).extracting(ServiceReadiness::name).containsExactly("vote", "worker", "result", "db", "redis");
    assertThat(result.services()).allSatisfy(s -> {
      assertThat(s.ready()).isTrue();
      assertThat(s.readyPods()).isEqualTo(1);
      assertThat(s.pods()).singleElement().asString().startsWith(s.name() + "-");
    });
    assertThat(result.applied().get(0)).isEqualTo("Namespace/sample-app");
    assertThat(result.applied()).contains("Deployment/vote", "Service/redis", "Ingress/sample-app-ingress");
    assertThat(progress.phases()).containsSubsequence("load", "render", "transform", "apply", "rollout");
    List<String> rollout = progress.messages.stream().filter(m -> m.startsWith("rollout: ")).toList();
    System.err.println(rollout.size() + " rollout lines:\n  " + String.join("\n  ", rollout));
    assertThat(rollout).as("watching + waiting for + at most 3 per service + the final line")
        .hasSizeLessThanOrEqualTo(2 + 5 * 3 + 1).last().asString().matches("rollout: 5/5 services ready in \\d+\\.\\d s");
    for (String name : List.of("vote", "worker", "result", "db", "redis")) {
      assertThat(rollout).as(name).filteredOn(m -> m.startsWith("rollout: " + name + " ready (1/1) in ")).hasSizeLessThanOrEqualTo(1);
    }

    StatusSnapshot now = engine.status().get();
    for (String name : List.of("vote", "worker", "result")) {
      ServiceStatus s = service(now, name);
      assertThat(s.ready()).as(name).isEqualTo(1);
      assertThat(s.total()).as(name).isEqualTo(1);
      assertThat(s.reason()).as(name).isNull();
    }
    assertThat(snapshots).as("the status went through not-ready states first")
        .anyMatch(s -> service(s, "vote").ready() == 0 && service(s, "vote").reason() != null);
    Deployment live = sandbox.client().apps().deployments().inNamespace(NS).withName("worker").get();
    assertThat(live.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry(DevTransform.ANNOTATION, "[]");
  }

  @Test
  @Order(2)
  void aReplacedPodMakesTheServiceNotReadyThenReadyAgain() throws Exception {
    String old = service(engine.status().get(), "vote").pods().get(0);
    int before = snapshots.size();
    sandbox.replacePod(NS, old);
    assertThat(await(() -> {
      ServiceStatus v = service(engine.status().get(), "vote");
      return v.ready() == 1 && v.total() == 1 && !v.pods().contains(old);
    }, Duration.ofSeconds(120))).as("vote ready again on a new pod; last: " + service(engine.status().get(), "vote")).isTrue();
    List<StatusSnapshot> seen = snapshots.subList(before, snapshots.size());
    assertThat(seen).as("not ready in between").anyMatch(s -> service(s, "vote").ready() < 1 || service(s, "vote").reason() != null);
    assertThat(DeploySession.of(engine).watcher().current()).filteredOn(r -> r.name().equals("vote"))
        .singleElement().satisfies(r -> assertThat(r.ready()).isTrue());
  }

  @Test
  @Order(3)
  void aBuiltTagRollsTheServiceAndReadinessWaitsForTheNewPod() throws Exception {
    String old = service(engine.status().get(), "worker").pods().get(0);
    DeployResult r = DeployService.deploy(engine, Map.of("worker", "localhost:5000/hostk8s-worker:ctx-0123abcd"),
        DeployOptions.local().withTimeout(Duration.ofSeconds(180)), new RecordingProgress());
    assertThat(r.imageChanges()).containsExactly(
        "Deployment/worker worker: localhost:5000/hostk8s-worker:latest → localhost:5000/hostk8s-worker:ctx-0123abcd");
    assertThat(r.ready()).isTrue();
    ServiceReadiness worker = r.services().stream().filter(s -> s.name().equals("worker")).findFirst().orElseThrow();
    assertThat(worker.pods()).as("ready means the new pod, not the old one").singleElement().isNotEqualTo(old);
    Pod pod = sandbox.client().pods().inNamespace(NS).withName(worker.pods().get(0)).get();
    assertThat(pod.getSpec().getContainers().get(0).getImage()).isEqualTo("localhost:5000/hostk8s-worker:ctx-0123abcd");
    assertThat(r.services()).filteredOn(s -> !s.name().equals("worker")).allSatisfy(s -> assertThat(s.ready()).isTrue());
  }

  @Test
  @Order(4)
  void fluxOwnedObjectsAreRefusedUnlessSuspendedAndResumedAtSessionEnd() throws Exception {
    KubernetesClient c = sandbox.client();
    c.resource(new NamespaceBuilder().withNewMetadata().withName("flux-system").endMetadata().build()).serverSideApply();
    GenericKubernetesResource k = new GenericKubernetesResource();
    k.setApiVersion("kustomize.toolkit.fluxcd.io/v1");
    k.setKind("Kustomization");
    k.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("sample-app").withNamespace("flux-system").build());
    k.setAdditionalProperty("spec", new java.util.LinkedHashMap<>(Map.of("interval", "1m", "path", "./software/stack/sample-app", "prune", true)));
    c.genericKubernetesResources(FluxGuard.KUSTOMIZATION).inNamespace("flux-system").resource(k).create();
    c.apps().deployments().inNamespace(NS).withName("redis").edit(d -> {
      d.getMetadata().getLabels().put(FluxGuard.NAME_LABEL, "sample-app");
      d.getMetadata().getLabels().put(FluxGuard.NAMESPACE_LABEL, "flux-system");
      return d;
    });
    FluxGuard guard = new FluxGuard(c);
    try {
      assertThatThrownBy(() -> DeployService.deploy(engine, Map.of(), DeployOptions.local().withWaitReady(false), new RecordingProgress()))
          .isInstanceOfSatisfying(HostK8sException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FLUX_OWNED);
            assertThat(e.getMessage()).contains("flux-system/sample-app").contains("Deployment/redis").contains("revert");
            assertThat(e.suggestions()).anyMatch(s -> s.contains("--suspend-flux"));
          });
      assertThat(guard.isSuspended("sample-app", "flux-system")).isFalse();

      DeployResult r = DeployService.deploy(engine, Map.of(), DeployOptions.local().withSuspendFlux(true), new RecordingProgress());
      assertThat(r.suspendedFlux()).containsExactly("flux-system/sample-app");
      assertThat(r.ready()).isTrue();
      assertThat(guard.isSuspended("sample-app", "flux-system")).isTrue();
      assertThat(DeploySession.of(engine).suspendedFlux()).containsExactly("flux-system/sample-app");

      DeployService.endSession(engine);
      assertThat(guard.isSuspended("sample-app", "flux-system")).as("resumed when the session ends").isFalse();
      GenericKubernetesResource after = c.genericKubernetesResources(FluxGuard.KUSTOMIZATION).inNamespace("flux-system").withName("sample-app").get();
      assertThat(((Map<?, ?>) after.getAdditionalProperties().get("spec")).get("interval")).as("the rest of the spec is kept").isEqualTo("1m");
    } finally {
      c.apps().deployments().inNamespace(NS).withName("redis").edit(d -> {
        d.getMetadata().getLabels().remove(FluxGuard.NAME_LABEL);
        d.getMetadata().getLabels().remove(FluxGuard.NAMESPACE_LABEL);
        return d;
      });
    }
  }
}
