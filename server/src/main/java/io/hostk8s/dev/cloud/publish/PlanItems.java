package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.NodePool;
import io.hostk8s.dev.cloud.digitalocean.Size;
import io.hostk8s.dev.cloud.digitalocean.SubscriptionTier;
import io.hostk8s.dev.protocol.cloud.PlanItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The plan's resources in apply's order, each with what it adds to the bill. */
final class PlanItems {
  private final List<PlanItem> items = new ArrayList<>();
  private double nodesHourly;

  void cluster(Cluster existing, PublishSettings s, String version) {
    if (existing == null) {
      items.add(new PlanItem("cluster", s.cluster(), "create", "DOKS " + version + " in " + s.region()
          + ", control plane without HA (free)", null, null));
    } else {
      String state = existing.status() == null ? "unknown" : existing.status().state();
      items.add(new PlanItem("cluster", existing.name(), "running".equals(state) ? "reuse" : "wait",
          "DOKS " + existing.version() + " in " + existing.region() + ", " + state + " (id " + existing.id() + ")", null, null));
    }
  }

  /**
   * The node pool: the existing cluster's pools as they are (each priced at its own size's live price; sizes and
   * counts are not changed by a later apply), else the pool to create from the settings.
   */
  void nodePool(Cluster existing, PublishSettings s, List<Size> sizes) {
    if (existing != null && existing.nodePools() != null && !existing.nodePools().isEmpty()) {
      List<NodePool> pools = existing.nodePools();
      String shape = pools.stream().map(p -> p.count() + " × " + p.size()).collect(Collectors.joining(" + "));
      double monthly = 0;
      boolean priced = true;
      for (NodePool p : pools) {
        Size z = size(sizes, p.size());
        priced &= z != null;
        monthly += z == null ? 0 : z.priceMonthly() * p.count();
        nodesHourly += z == null ? 0 : z.priceHourly() * p.count();
      }
      String detail = String.format(Locale.ROOT, "%s (existing pool%s; sizes are not changed%s)", shape,
          pools.size() == 1 ? "" : "s", priced ? "" : "; no live price for " + pools.stream().map(NodePool::size)
          .filter(slug -> size(sizes, slug) == null).distinct().collect(Collectors.joining(", ")));
      items.add(new PlanItem("node-pool", pools.get(0).name(), "reuse", detail, priced ? monthly : null,
          priced ? "api" : null));
      return;
    }
    Size size = size(sizes, s.nodeSize());
    int count = s.nodes();
    String detail = size == null ? String.format(Locale.ROOT, "%d × %s (no live price)", count, s.nodeSize())
        : String.format(Locale.ROOT, "%d × %s (%d vCPU, %d MiB) at $%s/month each", count, size.slug(),
        size.vcpus(), size.memory(), PublishPlanner.money(size.priceMonthly()));
    nodesHourly = size == null ? 0 : size.priceHourly() * count;
    items.add(new PlanItem("node-pool", s.cluster() + "-default-pool", "create", detail,
        size == null ? null : size.priceMonthly() * count, size == null ? null : "api"));
  }

  static Size size(List<Size> sizes, String slug) {
    return sizes.stream().filter(z -> z.slug().equals(slug)).findFirst().orElse(null);
  }

  void registry(String name, String action, String region, SubscriptionTier tier) {
    String detail = (tier == null ? "tier unknown" : tier.name() + " tier") + " in " + region;
    Double price = tier == null ? null : tier.monthlyPriceInCents() / 100.0;
    items.add(new PlanItem("registry", name, action, detail, price == null || price == 0 ? null : price, "api"));
  }

  void integration(Cluster existing, String registry) {
    boolean on = existing != null && Boolean.TRUE.equals(existing.registryEnabled());
    items.add(new PlanItem("registry-integration", registry, on ? "reuse" : "create",
        "the cluster pulls from " + registry + " (a pull secret in every namespace)", null, null));
  }

  /** What part 2 of publish (the app) adds, priced so the estimate is the app's whole bill. */
  void later() {
    items.add(new PlanItem("load-balancer", "hostk8s-voting-lb", "later", "created by the cluster for the ingress "
        + "controller (1 node)", Prices.LOAD_BALANCER_MONTHLY, Prices.source("Load Balancers")));
    items.add(new PlanItem("volume", "postgres data", "later", Prices.POSTGRES_VOLUME_GIB + " GiB block storage for "
        + "Postgres", Prices.POSTGRES_VOLUME_GIB * Prices.VOLUME_GIB_MONTHLY, Prices.source("Volumes")));
  }

  double monthly() {
    return items.stream().filter(i -> i.monthlyUsd() != null).mapToDouble(PlanItem::monthlyUsd).sum();
  }

  /** The nodes at their live hourly price (those in the monthly figure), everything else at monthly / 672. */
  double hourly() {
    double other = items.stream().filter(i -> i.monthlyUsd() != null && !"node-pool".equals(i.kind()))
        .mapToDouble(PlanItem::monthlyUsd).sum();
    boolean nodesPriced = items.stream().anyMatch(i -> "node-pool".equals(i.kind()) && i.monthlyUsd() != null);
    return (nodesPriced ? nodesHourly : 0) + other / Prices.HOURS_PER_MONTH;
  }

  long count(String action) {
    return items.stream().filter(i -> action.equals(i.action())).count();
  }

  List<PlanItem> all() {
    return List.copyOf(items);
  }
}
