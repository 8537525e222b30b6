package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Account;
import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.KubernetesOptions;
import io.hostk8s.dev.cloud.digitalocean.Registry;
import io.hostk8s.dev.cloud.digitalocean.RegistryOptions;
import io.hostk8s.dev.cloud.digitalocean.Size;
import io.hostk8s.dev.cloud.digitalocean.SubscriptionTier;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.cloud.PlanItem;
import io.hostk8s.dev.protocol.cloud.PublishPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code publish plan}: read-only. Checks the token and account, validates region/size/version against the live
 * Kubernetes options, finds the cluster and registry to reuse, and prices everything from live figures where the
 * API has them ({@code /v2/sizes}, {@code /v2/registry/options}) and the dated figures of {@link Prices} where not.
 * Each endpoint is read once.
 */
public final class PublishPlanner {
  /** vote, result and worker each need a repository. */
  static final int REPOSITORIES_NEEDED = 3;
  private final DigitalOcean api;

  public PublishPlanner(DigitalOcean api) {
    this.api = api;
  }

  /** The plan for {@code args} over the workspace's configuration (read-only). */
  public static PublishPlan plan(CloudSession session, io.hostk8s.dev.protocol.commands.args.PublishPlanArgs args) {
    return new PublishPlanner(session.api()).resolve(session.settings(args), session.state(), session.apiUrl()).plan();
  }

  Resolved resolve(PublishSettings asked, Optional<PublishState> state, String apiUrl) {
    PublishSettings s = asked;
    int before = api.api().calls();
    Account account = api.account().get();
    List<String> warnings = new ArrayList<>();
    if (!"active".equals(account.status())) {
      warnings.add("The DigitalOcean account is '" + account.status() + "'"
          + (account.statusMessage() == null || account.statusMessage().isBlank() ? "" : ": " + account.statusMessage().trim())
          + " — creating resources may fail.");
    }
    KubernetesOptions options = api.kubernetes().options();
    Offered.require("region", s.region(), options.regions().stream().map(r -> r.slug()).toList(), "region");
    Offered.require("node size", s.nodeSize(), options.sizes().stream().map(z -> z.slug()).toList(), "nodeSize");
    String version = Offered.version(s.version(), options.versions().stream().map(v -> v.slug()).toList());

    Cluster existing = findCluster(s, state).orElse(null);
    if (existing != null) {
      s = s.on(existing.name(), existing.region()); // a defaulted name or region follows the cluster there is
    }
    if (existing == null && s.nodes() > account.dropletLimit()) {
      throw HostK8sException.user(ErrorCode.CLOUD_DROPLET_LIMIT, "A pool of " + s.nodes() + " nodes exceeds the account's"
          + " droplet limit of " + account.dropletLimit() + ".", "Use fewer nodes (cloud.digitalocean.nodes or --nodes),"
          + " or ask DigitalOcean for a higher droplet limit.");
    }
    List<Size> sizes = api.sizes().list();
    Size size = PlanItems.size(sizes, s.nodeSize());
    if (existing != null) {
      unchangedPool(existing, s, warnings);
    } else if (size == null) {
      warnings.add("DigitalOcean's size list has no price for " + s.nodeSize() + "; the estimate leaves the nodes out.");
    } else if (!size.available() || (size.regions() != null && !size.regions().isEmpty()
        && !size.regions().contains(s.region()))) {
      warnings.add("Size " + size.slug() + " is not available in " + s.region() + " right now; creating nodes may fail.");
    }

    RegistryOptions registryOptions = api.registry().options();
    List<Registry> registries = api.registry().list();
    PlanItems items = new PlanItems();
    items.cluster(existing, s, version);
    items.nodePool(existing, s, sizes);

    Registry reuse = pickRegistry(registries, s, warnings);
    String registryName = reuse != null ? reuse.name() : s.registry() != null ? s.registry() : defaultRegistryName(account);
    String registryRegion = reuse != null ? reuse.region() : registryRegion(s.region(), registryOptions.availableRegions());
    SubscriptionTier needed = cheapestTier(registryOptions);
    boolean upgrade = false;
    String tier = needed.slug();
    if (reuse != null) {
      SubscriptionTier current = api.registry().subscription().map(x -> x.tier()).orElse(null);
      tier = current == null ? needed.slug() : current.slug();
      upgrade = current != null && current.includedRepositories() > 0 && current.includedRepositories() < REPOSITORIES_NEEDED;
      if (upgrade) {
        warnings.add("Registry " + registryName + " is on the " + current.name() + " tier (" + current.includedRepositories()
            + " repository); the app needs " + REPOSITORIES_NEEDED + ". Apply upgrades it to " + needed.name() + " ($"
            + money(needed.monthlyPriceInCents() / 100.0) + "/month) only with your consent (--upgrade-registry).");
        tier = needed.slug();
      }
      items.registry(registryName, upgrade ? "upgrade" : "reuse", registryRegion, upgrade ? needed : current);
    } else {
      if (!api.registry().validateName(registryName)) {
        throw HostK8sException.user(ErrorCode.CLOUD_NAME_TAKEN, "The registry name '" + registryName
            + "' is taken (registry names are unique across all of DigitalOcean).", "Choose another with "
            + "cloud.digitalocean.registry in hostk8s.dev.yaml or --registry.");
      }
      items.registry(registryName, "create", registryRegion, needed);
    }
    items.integration(existing, registryName);
    items.later();

    double monthly = items.monthly();
    double hourly = items.hourly();
    boolean consent = upgrade && !s.upgradeRegistry();
    int calls = api.api().calls() - before;
    String summary = String.format(Locale.ROOT, "%s in %s: about $%s/month ($%s/hour) — %d to create, %d to reuse",
        s.cluster(), s.region(), money(monthly), String.format(Locale.ROOT, "%.3f", hourly),
        items.count("create"), items.count("reuse"));
    List<String> lines = PlanLines.render(account.email(), apiUrl, items.all(), monthly, hourly, warnings);
    PublishPlan plan = new PublishPlan(account.email(), apiUrl, items.all(), round(monthly), round3(hourly), warnings,
        consent, lines, summary, calls);
    return new Resolved(plan, version, existing, registryName, registryRegion, tier, reuse != null, upgrade);
  }

  /**
   * The cluster this workspace published to (its recorded id), else one with the asked name in the asked region. A
   * workspace has one published cluster: asking (by argument or hostk8s.dev.yaml) for another name or region while it
   * exists is refused, not silently answered with the recorded one; defaults follow the recorded cluster.
   */
  private Optional<Cluster> findCluster(PublishSettings s, Optional<PublishState> state) {
    List<Cluster> clusters = api.kubernetes().listClusters();
    Optional<String> recorded = state.map(PublishState::clusterId);
    Optional<Cluster> published = clusters.stream().filter(c -> recorded.map(id -> id.equals(c.id())).orElse(false)).findFirst();
    if (published.isPresent()) {
      Cluster c = published.get();
      if ((s.asked(PublishSettings.CLUSTER) && !c.name().equals(s.cluster()))
          || (s.asked(PublishSettings.REGION) && !c.region().equals(s.region()))) {
        throw new HostK8sException(ErrorCode.CLOUD_OTHER_CLUSTER, "This workspace is published on cluster '" + c.name()
            + "' in " + c.region() + " (id " + c.id() + "); you asked for '" + s.cluster() + "' in " + s.region()
            + ". A workspace publishes to one cluster at a time.", List.of("To keep publishing to '" + c.name() + "': drop"
            + " --cluster/--region, or set cloud.digitalocean.cluster/region in hostk8s.dev.yaml back to "
            + c.name() + "/" + c.region() + ".", "To move the app to '" + s.cluster() + "': `hostk8s-dev publish data pull"
            + "` if you want its votes, `hostk8s-dev publish teardown --yes`, then publish again."), true, null);
      }
      return published;
    }
    return clusters.stream().filter(c -> c.name().equals(s.cluster()) && c.region().equals(s.region())).findFirst();
  }

  /** A warning when the settings ask for another node pool than the reused cluster has (apply does not resize). */
  private static void unchangedPool(Cluster existing, PublishSettings s, List<String> warnings) {
    if (existing.nodePools() == null || existing.nodePools().isEmpty()) {
      return;
    }
    int count = existing.nodePools().stream().mapToInt(p -> p.count()).sum();
    boolean sameSize = existing.nodePools().stream().allMatch(p -> p.size().equals(s.nodeSize()));
    if ((s.asked(PublishSettings.NODES) && count != s.nodes()) || (s.asked(PublishSettings.NODE_SIZE) && !sameSize)) {
      warnings.add("Cluster " + existing.name() + " keeps its node pool (" + existing.nodePools().stream()
          .map(p -> p.count() + " × " + p.size()).collect(java.util.stream.Collectors.joining(" + ")) + "): apply does not"
          + " resize it to " + s.nodes() + " × " + s.nodeSize() + ". Resize it in DigitalOcean's control panel or with"
          + " `doctl kubernetes cluster node-pool update`, or tear down and publish again.");
    }
  }

  /** One registry per account (Starter/Basic): the account's own wins, whatever name the config asks for. */
  private static Registry pickRegistry(List<Registry> registries, PublishSettings s, List<String> warnings) {
    if (registries.isEmpty()) {
      return null;
    }
    Optional<Registry> named = registries.stream().filter(r -> r.name().equals(s.registry())).findFirst();
    if (named.isPresent()) {
      return named.get();
    }
    Registry first = registries.get(0);
    if (s.registry() != null) {
      warnings.add("The account already has registry '" + first.name() + "' (one per account below the Professional "
          + "tier); publish uses it instead of '" + s.registry() + "'.");
    }
    return first;
  }

  static String defaultRegistryName(Account account) {
    String id = account.uuid() == null ? "app" : account.uuid().replaceAll("[^a-z0-9]", "");
    return "hostk8s-" + (id.length() > 8 ? id.substring(0, 8) : id);
  }

  /** The cluster's region if DOCR is there, else one of the same area (fra1 → fra1, nyc1 → nyc3), else the first. */
  static String registryRegion(String clusterRegion, List<String> available) {
    if (available == null || available.isEmpty()) {
      return clusterRegion;
    }
    if (available.contains(clusterRegion)) {
      return clusterRegion;
    }
    String area = clusterRegion.replaceAll("[0-9]+$", "");
    return available.stream().filter(r -> r.startsWith(area)).findFirst().orElse(available.get(0));
  }

  private static SubscriptionTier cheapestTier(RegistryOptions options) {
    return options.subscriptionTiers().stream()
        .filter(t -> t.includedRepositories() == 0 || t.includedRepositories() >= REPOSITORIES_NEEDED)
        .min(Comparator.comparingInt(SubscriptionTier::monthlyPriceInCents))
        .orElseThrow(() -> HostK8sException.user(ErrorCode.CLOUD_REJECTED, "No registry tier holds "
            + REPOSITORIES_NEEDED + " repositories.", "Check /v2/registry/options on your account."));
  }

  static String money(double usd) {
    return String.format(Locale.ROOT, "%.2f", usd);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
