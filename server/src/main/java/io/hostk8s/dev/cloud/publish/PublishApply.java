package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.CreateClusterRequest;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.NodePoolSpec;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code publish apply}, the provisioning part: plan again (the account may have changed since the person read
 * it), then cluster (create or reuse, wait for running), our kubeconfig, registry (create or reuse, upgrade with
 * consent), the cluster's pull access. The state is saved after every step, so a Ctrl-C anywhere and a second
 * apply converge on the same resources.
 */
public final class PublishApply {
  /** Tag on everything we create, so a person (and teardown) can find it. */
  public static final String TAG = "hostk8s-dev";
  static final long KUBECONFIG_EXPIRY_SECONDS = 7 * 24 * 3600;
  private final DigitalOcean api;
  private final PublishStateStore store;
  private final Sleeper sleeper;
  private final Duration provisionTimeout;

  public PublishApply(DigitalOcean api, PublishStateStore store, Sleeper sleeper, Duration provisionTimeout) {
    this.api = api;
    this.store = store;
    this.sleeper = sleeper;
    this.provisionTimeout = provisionTimeout;
  }

  public record Outcome(PublishPlan plan, PublishState state, List<String> lines) {}

  public Outcome apply(PublishSettings s, String apiUrl, Progress progress) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    Optional<PublishState> previous = store.load();
    progress.report("checking the plan against your account", 5);
    Resolved r = new PublishPlanner(api).resolve(s, previous, apiUrl);
    if (r.plan().consentNeeded()) {
      throw HostK8sException.user(ErrorCode.CLOUD_CONSENT_NEEDED, "Registry " + r.registryName() + " must be upgraded "
          + "to hold the app's " + PublishPlanner.REPOSITORIES_NEEDED + " images, and that is a paid change.",
          "Consent with --upgrade-registry (CLI) or upgradeRegistry: true, or upgrade it yourself in the control panel.");
    }
    PublishState state = previous.orElse(PublishState.empty(apiUrl)).withMonthlyUsd(r.plan().monthlyUsd());

    Cluster cluster = r.existingCluster();
    if (cluster == null) {
      progress.report("creating cluster " + s.cluster() + " in " + s.region(), 10);
      cluster = api.kubernetes().createCluster(new CreateClusterRequest(s.cluster(), s.region(), r.versionSlug(),
          List.of(new NodePoolSpec(s.cluster() + "-default-pool", s.nodeSize(), s.nodes(), List.of(TAG))),
          List.of(TAG), false, false, true));
      state = store.save(state.withCluster(cluster.id(), cluster.name(), cluster.region(), true));
      lines.add("created cluster " + cluster.name() + " (" + cluster.id() + ")");
    } else {
      // ours when the state says so, or when it carries our tag (an apply stopped between create and saving the state)
      boolean created = (state.clusterCreated() && cluster.id().equals(state.clusterId()))
          || (cluster.tags() != null && cluster.tags().contains(TAG));
      state = store.save(state.withCluster(cluster.id(), cluster.name(), cluster.region(), created));
      lines.add((created ? "resumed" : "reusing") + " cluster " + cluster.name() + " (" + cluster.id() + ")");
    }
    progress.report("waiting for cluster " + cluster.name() + " to run", 20);
    cluster = new ClusterWaiter(api.kubernetes(), sleeper, provisionTimeout).awaitRunning(cluster.id(), progress);
    lines.add("cluster " + cluster.name() + " running");

    progress.report("fetching the cluster's kubeconfig", 70);
    Path kubeconfig = store.writeKubeconfig(cluster.name(), api.kubernetes().kubeconfig(cluster.id(), KUBECONFIG_EXPIRY_SECONDS));
    state = store.save(state.withKubeconfig(kubeconfig.toString()));
    lines.add("kubeconfig " + kubeconfig + " (0600; valid 7 days, apply fetches a fresh one)");

    progress.report("container registry " + r.registryName(), 80);
    state = registry(r, state, lines);

    if (!Boolean.TRUE.equals(cluster.registryEnabled()) || !state.registryIntegrated()) {
      progress.report("letting the cluster pull from " + r.registryName(), 90);
      if (!Boolean.TRUE.equals(cluster.registryEnabled())) {
        api.kubernetes().addRegistry(List.of(cluster.id()));
        lines.add("cluster " + cluster.name() + " may pull from " + r.registryName());
      }
      state = store.save(state.withRegistryIntegrated(true));
    }
    return new Outcome(r.plan(), state, lines);
  }

  private PublishState registry(Resolved r, PublishState state, List<String> lines) {
    if (r.registryExists()) {
      boolean created = state.registryCreated() && r.registryName().equals(state.registryName());
      state = store.save(state.withRegistry(r.registryName(), r.registryRegion(), created));
      if (r.registryUpgrade()) {
        api.registry().updateSubscription(r.registryTier());
        lines.add("upgraded registry " + r.registryName() + " to " + r.registryTier() + " (you consented)");
      } else {
        lines.add("reusing registry " + r.registryName());
      }
      return state;
    }
    try {
      api.registry().create(r.registryName(), r.registryTier(), r.registryRegion());
      lines.add("created registry " + r.registryName() + " (" + r.registryTier() + ", " + r.registryRegion() + ")");
      return store.save(state.withRegistry(r.registryName(), r.registryRegion(), true));
    } catch (HostK8sException e) {
      // another apply (or a person) created the account's one registry since the plan: use it
      if (e.code() == ErrorCode.CLOUD_REJECTED && String.valueOf(e.getMessage()).contains("already has a registry")) {
        String name = api.registry().list().stream().findFirst().map(x -> x.name()).orElseThrow(() -> e);
        lines.add("reusing registry " + name + " (the account's)");
        return store.save(state.withRegistry(name, r.registryRegion(), false));
      }
      throw e;
    }
  }
}
