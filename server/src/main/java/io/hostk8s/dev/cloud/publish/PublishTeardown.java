package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.publish.alerts.AlertPolicies;
import io.hostk8s.dev.cloud.digitalocean.AssociatedResources;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.NamedId;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code publish teardown} for what the provisioning part creates: the cluster (only if we created it; with
 * {@code destroy_with_associated_resources/selective} naming only resources we created, so nothing of the person's
 * is touched), waited for until DigitalOcean no longer lists it; the registry (only if we created it; a registry of
 * the account's stays, and its cluster integration goes with the cluster); then our kubeconfig and state. Ends by
 * listing what is left that bills.
 */
public final class PublishTeardown {
  private final DigitalOcean api;
  private final PublishStateStore store;
  private final Sleeper sleeper;
  private final Duration timeout;

  public PublishTeardown(DigitalOcean api, PublishStateStore store, Sleeper sleeper, Duration timeout) {
    this.api = api;
    this.store = store;
    this.sleeper = sleeper;
    this.timeout = timeout;
  }

  /** What is left that bills: empty when teardown removed everything we created. */
  public record Outcome(List<String> lines, List<String> left) {}

  public Outcome teardown(Progress progress) throws InterruptedException {
    return teardown(false, progress);
  }

  /** {@code keepData}: Postgres' volume stays (and bills); everything else goes. */
  public Outcome teardown(boolean keepData, Progress progress) throws InterruptedException {
    Optional<PublishState> loaded = store.load();
    List<String> lines = new ArrayList<>();
    if (loaded.isEmpty() || loaded.get().isEmpty()) {
      lines.add("nothing published from this workspace (no " + store.file() + ")");
      return new Outcome(lines, List.of());
    }
    PublishState s = loaded.get();
    AlertPolicies alerts = new AlertPolicies(api);
    AlertPolicies.Cluster published = new AlertPolicies.Cluster(s.clusterId(), s.clusterName());
    lines.addAll(alerts.remove(published));
    AppTeardown app = new AppTeardown(api, sleeper, Duration.ofMinutes(5));
    if (s.clusterId() != null && s.clusterCreated()) {
      app.inCluster(s, keepData, progress, lines);
    }
    if (s.clusterId() != null) {
      if (s.clusterCreated()) {
        deleteCluster(s, keepData, progress, lines);
      } else {
        if (s.registryIntegrated() && api.kubernetes().findCluster(s.clusterId()).isPresent()) {
          api.kubernetes().removeRegistry(List.of(s.clusterId()));
          lines.add("cluster " + s.clusterName() + " no longer pulls from " + s.registryName());
        }
        lines.add("kept cluster " + s.clusterName() + ": it existed before publish");
      }
    }
    app.afterCluster(s, keepData, lines);
    if (s.registryName() != null) {
      if (s.registryCreated()) {
        progress.report("deleting registry " + s.registryName(), 80);
        if (api.registry().find(s.registryName()).isPresent()) {
          api.registry().delete(s.registryName());
        }
        lines.add("deleted registry " + s.registryName());
      } else {
        lines.add("kept registry " + s.registryName() + ": it existed before publish");
      }
    }
    List<String> left = new ArrayList<>(leftovers(s));
    left.addAll(alerts.left(published));
    left.addAll(app.leftovers(s, keepData));
    if (left.isEmpty() && !keepData) {
      try {
        store.delete(s);
      } catch (IOException e) {
        lines.add("could not remove " + store.file() + ": " + e.getMessage());
      }
    }
    return new Outcome(lines, left);
  }

  private void deleteCluster(PublishState s, boolean keepData, Progress progress, List<String> lines)
      throws InterruptedException {
    if (api.kubernetes().findCluster(s.clusterId()).isEmpty()) {
      lines.add("cluster " + s.clusterName() + " already gone");
      return;
    }
    progress.report("deleting cluster " + s.clusterName(), 20);
    AssociatedResources associated = api.kubernetes().associatedResources(s.clusterId());
    List<String> theirs = new ArrayList<>();
    names(associated.loadBalancers(), "load balancer", theirs);
    names(associated.volumes(), "volume", theirs);
    names(associated.volumeSnapshots(), "volume snapshot", theirs);
    // name only what publish made (still associated if the in-cluster clean-up did not finish): the rest stays
    AppState made = s.appOrEmpty();
    List<String> ourLbs = associated.loadBalancers() == null ? List.of() : associated.loadBalancers().stream()
        .map(NamedId::id).filter(id -> id.equals(made.lbId())).toList();
    List<String> ourVolumes = keepData || associated.volumes() == null ? List.of() : associated.volumes().stream()
        .map(NamedId::id).filter(made.volumeIds()::contains).toList();
    theirs.removeIf(t -> ourLbs.stream().anyMatch(t::contains) || ourVolumes.stream().anyMatch(t::contains));
    api.kubernetes().destroySelective(s.clusterId(), new io.hostk8s.dev.cloud.digitalocean.AssociatedResourceIds(
        ourLbs, ourVolumes, List.of()));
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration interval = Duration.ofSeconds(2);
    while (api.kubernetes().findCluster(s.clusterId()).isPresent()) {
      if (progress.isCancelled()) {
        throw new HostK8sException(ErrorCode.CANCELLED, "Stopped waiting for cluster " + s.clusterName()
            + " to be deleted; DigitalOcean goes on deleting it.", List.of("Run publish teardown again to check."), true, null);
      }
      if (System.nanoTime() > deadline) {
        throw new HostK8sException(ErrorCode.CLOUD_PROVISION_TIMEOUT, "Cluster " + s.clusterName() + " is still listed "
            + timeout.toMinutes() + " minutes after its deletion.", List.of("Run publish teardown again later."), true, null);
      }
      sleeper.sleep(interval);
      interval = interval.multipliedBy(2).compareTo(ClusterWaiter.MAX_INTERVAL) > 0 ? ClusterWaiter.MAX_INTERVAL
          : interval.multipliedBy(2);
    }
    lines.add("deleted cluster " + s.clusterName() + " (" + s.clusterId() + ")");
    theirs.forEach(t -> lines.add("kept " + t + ": publish did not create it"));
  }

  private static void names(List<NamedId> ids, String kind, List<String> out) {
    if (ids != null) {
      ids.forEach(i -> out.add(kind + " " + i.name() + " (" + i.id() + ")"));
    }
  }

  private List<String> leftovers(PublishState s) {
    List<String> left = new ArrayList<>();
    if (s.clusterCreated() && s.clusterId() != null && api.kubernetes().findCluster(s.clusterId()).isPresent()) {
      left.add("cluster " + s.clusterName() + " (" + s.clusterId() + ")");
    }
    if (s.registryCreated() && s.registryName() != null && api.registry().find(s.registryName()).isPresent()) {
      left.add("registry " + s.registryName());
    }
    return left;
  }
}
