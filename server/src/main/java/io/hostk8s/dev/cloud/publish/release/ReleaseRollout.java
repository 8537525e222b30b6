package io.hostk8s.dev.cloud.publish.release;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cluster.PodReadiness;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts a release's images into the namespace's Deployments (each container whose image is one of the release's
 * repositories) and waits until every such Deployment runs only pods of those images, all ready. Setting an image a
 * Deployment already has changes nothing, so a rollout stopped half-way converges when run again.
 */
public final class ReleaseRollout {
  private final Sleeper sleeper;
  private final Duration timeout;

  public ReleaseRollout(Sleeper sleeper, Duration timeout) {
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  /** Returns deployment → image for the Deployments it changed (empty when every one already had its image). */
  public Map<String, String> roll(KubernetesClient client, String namespace, Map<String, String> images, Progress progress)
      throws InterruptedException {
    Map<String, String> changed = new LinkedHashMap<>();
    List<String> targets = new ArrayList<>();
    for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
      String name = d.getMetadata().getName();
      for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
        String want = ofRepository(images, c.getImage());
        if (want == null) {
          continue;
        }
        targets.add(name);
        if (!want.equals(c.getImage())) {
          progress.report("rolling " + name + " to " + want);
          client.apps().deployments().inNamespace(namespace).withName(name).edit(x -> {
            x.getSpec().getTemplate().getSpec().getContainers().stream().filter(k -> k.getName().equals(c.getName()))
                .forEach(k -> k.setImage(want));
            return x;
          });
          changed.put(name, want);
        }
      }
    }
    await(client, namespace, targets, p -> runs(p, images), progress);
    return changed;
  }

  /**
   * Waits until each Deployment runs only pods that are {@code current}, with as many ready as its replicas (the
   * timeout: 7041; cancelled: 7002 with "run it again").
   */
  public void await(KubernetesClient client, String namespace, List<String> deployments, Predicate<Pod> current,
      Progress progress) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new HostK8sException(ErrorCode.CANCELLED, "Stopped while rolling out.", List.of("Run the same "
            + "command again: the images already set stay, and it waits for the rest."), true, null);
      }
      List<String> waiting = new ArrayList<>();
      for (String name : deployments) {
        String why = waitingFor(client, namespace, name, current);
        if (why != null) {
          waiting.add(name + " (" + why + ")");
        }
      }
      if (waiting.isEmpty()) {
        return;
      }
      String now = "waiting for " + String.join(", ", waiting);
      if (!now.equals(last)) {
        progress.report(now);
        last = now;
      }
      if (System.nanoTime() > deadline) {
        throw HostK8sException.user(ErrorCode.CLOUD_ROLLOUT_FAILED, namespace + ": " + now + " after "
            + timeout.toSeconds() + " s.", "Look at the pods: kubectl --kubeconfig <publish kubeconfig> -n " + namespace
            + " get pods; run the command again when they are fixed, or roll back.");
      }
      sleeper.sleep(Duration.ofSeconds(1));
    }
  }

  /** Null when the Deployment runs only pods with the release's images, enough of them ready; else what it waits for. */
  private static String waitingFor(KubernetesClient client, String namespace, String name, Predicate<Pod> current) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(name).get();
    if (d == null) {
      return "gone";
    }
    int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    List<Pod> pods = client.pods().inNamespace(namespace).withLabels(d.getSpec().getSelector().getMatchLabels())
        .list().getItems().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    long old = pods.stream().filter(current.negate()).count();
    long ready = pods.stream().filter(current).filter(PodReadiness::isReady).count();
    if (ready >= want && old == 0) {
      return null;
    }
    return ready + "/" + want + " ready" + (old > 0 ? ", " + old + " old" : "");
  }

  private static boolean runs(Pod p, Map<String, String> images) {
    return p.getSpec().getContainers().stream().allMatch(c -> {
      String want = ofRepository(images, c.getImage());
      return want == null || want.equals(c.getImage());
    });
  }

  /** The release's reference for the repository of {@code image} (tag or digest ignored), or null. */
  static String ofRepository(Map<String, String> images, String image) {
    String repo = repository(image);
    return images.values().stream().filter(ref -> repository(ref).equals(repo)).findFirst().orElse(null);
  }

  static String repository(String ref) {
    String r = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
    int colon = r.lastIndexOf(':');
    return colon > r.lastIndexOf('/') ? r.substring(0, colon) : r;
  }
}
