package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.cloud.digitalocean.Size;
import io.hostk8s.dev.cloud.digitalocean.SubscriptionTier;
import io.hostk8s.dev.protocol.cloud.PlanItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan's resources in apply's order, each with what it adds to the bill. */
final class PlanItems {
  private final List<PlanItem> items = new ArrayList<>();

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

  void nodePool(Cluster existing, PublishSettings s, Size size) {
    int count = s.nodes();
    String detail = size == null ? String.format(Locale.ROOT, "%d × %s (no live price)", count, s.nodeSize())
        : String.format(Locale.ROOT, "%d × %s (%d vCPU, %d MiB) at $%s/month each", count, size.slug(),
        size.vcpus(), size.memory(), PublishPlanner.money(size.priceMonthly()));
    if (existing != null && existing.nodePools() != null && !existing.nodePools().isEmpty()) {
      int existingCount = existing.nodePools().stream().mapToInt(p -> p.count()).sum();
      String slug = existing.nodePools().get(0).size();
      detail = String.format(Locale.ROOT, "%d × %s (existing pool; sizes are not changed)", existingCount, slug);
      count = existingCount;
      boolean priced = size != null && slug.equals(size.slug());
      items.add(new PlanItem("node-pool", existing.nodePools().get(0).name(), "reuse", detail,
          priced ? size.priceMonthly() * count : null, priced ? "api" : null));
      return;
    }
    items.add(new PlanItem("node-pool", s.cluster() + "-default-pool", "create", detail,
        size == null ? null : size.priceMonthly() * count, size == null ? null : "api"));
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

  /** Nodes at their live hourly price, everything else at monthly / 672. */
  double hourly(Size size, int nodes) {
    double other = items.stream().filter(i -> i.monthlyUsd() != null && !"node-pool".equals(i.kind()))
        .mapToDouble(PlanItem::monthlyUsd).sum();
    return (size == null ? 0 : size.priceHourly() * nodes) + other / Prices.HOURS_PER_MONTH;
  }

  long count(String action) {
    return items.stream().filter(i -> action.equals(i.action())).count();
  }

  List<PlanItem> all() {
    return List.copyOf(items);
  }
}
