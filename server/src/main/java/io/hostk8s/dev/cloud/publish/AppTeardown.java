package io.hostk8s.dev.cloud.publish;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cloud.publish.app.AppPublisher;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Teardown's in-cluster part, while the cluster still runs, so DigitalOcean's own controllers clean up what they
 * made: the app's namespace (its PVC → the CSI driver deletes the volume, unless {@code keepData}: the volume's
 * reclaim policy becomes Retain first) and the ingress controller's Service (→ the cloud controller deletes the load
 * balancer); waits, bounded, for both to be gone from DigitalOcean. Then the DNS records (and zone) we made, and the
 * tags we pushed to a registry we did not create.
 */
final class AppTeardown {
  private final DigitalOcean api;
  private final Sleeper sleeper;
  private final Duration timeout;

  AppTeardown(DigitalOcean api, Sleeper sleeper, Duration timeout) {
    this.api = api;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  void inCluster(PublishState s, boolean keepData, Progress progress, List<String> lines) throws InterruptedException {
    AppState app = s.app();
    if (app == null || s.kubeconfig() == null || !Files.isRegularFile(Path.of(s.kubeconfig()))
        || api.kubernetes().findCluster(s.clusterId()).isEmpty()) {
      return;
    }
    try (KubernetesClient client = KubeClients.client(KubeClients.config(Path.of(s.kubeconfig()), 10_000, 60_000))) {
      if (keepData) {
        for (PersistentVolume pv : client.persistentVolumes().list().getItems()) {
          if (pv.getSpec() != null && pv.getSpec().getClaimRef() != null
              && AppPublisher.NAMESPACE.equals(pv.getSpec().getClaimRef().getNamespace())) {
            client.persistentVolumes().withName(pv.getMetadata().getName()).edit(p -> {
              p.getSpec().setPersistentVolumeReclaimPolicy("Retain");
              return p;
            });
            lines.add("kept volume " + pv.getMetadata().getName() + " (Retain; it goes on billing)");
          }
        }
      }
      progress.report("deleting the app's namespace and the ingress controller's Service", 10);
      if (!keepData) { // the claims first: their volumes go without waiting for the namespace's finalizers
        client.persistentVolumeClaims().inNamespace(AppPublisher.NAMESPACE).delete();
      }
      client.namespaces().withName(AppPublisher.NAMESPACE).delete();
      client.services().inNamespace("traefik").withName("traefik").delete();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      boolean lbGone = app.lbId() == null || api.loadBalancers().find(app.lbId()).isEmpty();
      boolean volumesGone = keepData || app.volumeIds().stream().allMatch(v -> api.volumes().find(v).isEmpty());
      if (lbGone && volumesGone) {
        lines.add("the cluster's controllers removed the load balancer" + (keepData ? "" : " and the volumes"));
        return;
      }
      sleeper.sleep(Duration.ofSeconds(3));
    }
    lines.add("the load balancer or a volume was still there after " + timeout.toMinutes() + " min: deleted with the cluster");
  }

  /** After the cluster: orphans by recorded id, DNS records and zone we made, tags we pushed. */
  void afterCluster(PublishState s, boolean keepData, List<String> lines) {
    AppState app = s.app();
    if (app == null) {
      return;
    }
    if (app.lbId() != null && api.loadBalancers().find(app.lbId()).isPresent()) {
      api.loadBalancers().delete(app.lbId());
      lines.add("deleted orphaned load balancer " + app.lbName());
    }
    if (!keepData) {
      for (String v : app.volumeIds()) {
        if (api.volumes().find(v).isPresent()) {
          api.volumes().delete(v);
          lines.add("deleted orphaned volume " + v);
        }
      }
    }
    if (app.domain() != null) {
      for (long id : app.recordIds()) {
        try {
          api.domains().deleteRecord(app.domain(), id);
          lines.add("deleted DNS record " + id + " (" + app.host() + ")");
        } catch (io.hostk8s.dev.error.HostK8sException e) {
          if (e.code() != io.hostk8s.dev.error.ErrorCode.CLOUD_NOT_FOUND) {
            throw e;
          }
        }
      }
      if (app.domainCreated() && api.domains().find(app.domain()).isPresent()) {
        api.domains().delete(app.domain());
        lines.add("deleted DNS zone " + app.domain() + " (publish created it)");
      }
    }
    if (!s.registryCreated() && s.registryName() != null) {
      for (String t : app.pushedTags()) {
        int colon = t.lastIndexOf(':');
        try {
          api.registry().deleteTag(s.registryName(), t.substring(0, colon), t.substring(colon + 1));
          lines.add("deleted tag " + t + " from " + s.registryName());
        } catch (io.hostk8s.dev.error.HostK8sException e) {
          if (e.code() != io.hostk8s.dev.error.ErrorCode.CLOUD_NOT_FOUND) {
            throw e;
          }
        }
      }
    }
  }

  /** What the app part made that still bills or exists. */
  List<String> leftovers(PublishState s, boolean keepData) {
    AppState app = s.app();
    if (app == null) {
      return List.of();
    }
    List<String> left = new java.util.ArrayList<>();
    if (app.lbId() != null && api.loadBalancers().find(app.lbId()).isPresent()) {
      left.add("load balancer " + app.lbName() + " (" + app.lbId() + ")");
    }
    if (!keepData) {
      app.volumeIds().stream().filter(v -> api.volumes().find(v).isPresent()).forEach(v -> left.add("volume " + v));
    }
    if (app.domainCreated() && app.domain() != null && api.domains().find(app.domain()).isPresent()) {
      left.add("DNS zone " + app.domain());
    }
    return left;
  }
}
