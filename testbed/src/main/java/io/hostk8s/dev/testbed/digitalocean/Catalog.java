package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** The fixed offer of the fake account: regions, Droplet sizes, DOKS versions, DOCR tiers, 1-Click apps. */
final class Catalog {

  record Region(String slug, String name, boolean kubernetes) {
  }

  record Size(String slug, int memoryMb, int vcpus, int diskGb, double transferTb, double priceMonthly,
      double priceHourly, String description) {
  }

  record Version(String slug, String kubernetesVersion) {
  }

  record Tier(String slug, String name, int repositories, long storageBytes, boolean overage, int priceCents) {
  }

  static final List<Region> REGIONS = List.of(
      new Region("nyc1", "New York 1", true), new Region("nyc3", "New York 3", true),
      new Region("sfo2", "San Francisco 2", false), new Region("sfo3", "San Francisco 3", true),
      new Region("ams3", "Amsterdam 3", true), new Region("sgp1", "Singapore 1", true),
      new Region("lon1", "London 1", true), new Region("fra1", "Frankfurt 1", true),
      new Region("tor1", "Toronto 1", true), new Region("blr1", "Bangalore 1", true),
      new Region("syd1", "Sydney 1", true));

  static final List<Size> SIZES = List.of(
      new Size("s-1vcpu-512mb-10gb", 512, 1, 10, 0.5, 4, 0.00595, "Basic"),
      new Size("s-1vcpu-1gb", 1024, 1, 25, 1.0, 6, 0.00893, "Basic"),
      new Size("s-1vcpu-2gb", 2048, 1, 50, 2.0, 12, 0.01786, "Basic"),
      new Size("s-2vcpu-2gb", 2048, 2, 60, 3.0, 18, 0.02679, "Basic"),
      new Size("s-2vcpu-4gb", 4096, 2, 80, 4.0, 24, 0.03571, "Basic"),
      new Size("s-4vcpu-8gb", 8192, 4, 160, 5.0, 48, 0.07143, "Basic"),
      new Size("s-8vcpu-16gb", 16384, 8, 320, 6.0, 96, 0.14286, "Basic"),
      new Size("c-2", 4096, 2, 25, 4.0, 42, 0.0625, "CPU-Optimized"),
      new Size("g-2vcpu-8gb", 8192, 2, 25, 4.0, 63, 0.09375, "General Purpose"),
      new Size("m-2vcpu-16gb", 16384, 2, 50, 4.0, 84, 0.125, "Memory-Optimized"));

  /** Newest first: {@code latest} is the first. */
  static final List<Version> VERSIONS = List.of(
      new Version("1.33.1-do.0", "1.33.1"), new Version("1.32.5-do.0", "1.32.5"),
      new Version("1.31.9-do.2", "1.31.9"));

  static final List<String> VERSION_FEATURES = List.of("cluster-autoscaler", "docr-integration", "ha-control-plane",
      "token-authentication");

  static final List<String> KUBERNETES_SIZES = List.of("s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb",
      "s-8vcpu-16gb", "c-2", "g-2vcpu-8gb", "m-2vcpu-16gb");

  static final List<Tier> TIERS = List.of(
      new Tier("starter", "Starter", 1, 524_288_000L, false, 0),
      new Tier("basic", "Basic", 5, 5_368_709_120L, true, 500),
      new Tier("professional", "Professional", 0, 107_374_182_400L, true, 2000));

  static final List<String> REGISTRY_REGIONS = List.of("nyc3", "sfo3", "sfo2", "ams3", "sgp1", "fra1", "blr1",
      "syd1");

  static final List<String> KUBERNETES_ONE_CLICKS = List.of("ingress-nginx", "cert-manager", "monitoring",
      "metrics-server");
  static final List<String> DROPLET_ONE_CLICKS = List.of("wordpress-20-04", "docker-20-04");

  private Catalog() {
  }

  static Optional<Region> region(String slug) {
    return REGIONS.stream().filter(r -> r.slug.equals(slug)).findFirst();
  }

  static Optional<Tier> tier(String slug) {
    return TIERS.stream().filter(t -> t.slug.equals(slug)).findFirst();
  }

  /** {@code latest}, a minor ({@code 1.33}), a patch ({@code 1.33.1}) or a slug → the version's slug. */
  static Optional<String> resolveVersion(String asked) {
    if ("latest".equals(asked)) {
      return Optional.of(VERSIONS.get(0).slug());
    }
    return VERSIONS.stream().filter(v -> v.slug().equals(asked) || v.kubernetesVersion().equals(asked)
        || v.kubernetesVersion().startsWith(asked + ".")).map(Version::slug).findFirst();
  }

  static ObjectNode regionJson(Region r) {
    ObjectNode o = Json.object().put("name", r.name).put("slug", r.slug);
    o.set("features", Json.strings(List.of("backups", "ipv6", "metadata", "install_agent", "storage",
        "image_transfer")));
    o.put("available", true);
    o.set("sizes", Json.strings(SIZES.stream().map(Size::slug).toList()));
    return o;
  }

  static ObjectNode sizeJson(Size s) {
    ObjectNode o = Json.object().put("slug", s.slug).put("memory", s.memoryMb).put("vcpus", s.vcpus)
        .put("disk", s.diskGb).put("transfer", s.transferTb).put("price_monthly", s.priceMonthly)
        .put("price_hourly", s.priceHourly);
    o.set("regions", Json.strings(REGIONS.stream().map(Region::slug).toList()));
    o.put("available", true).put("description", s.description);
    return o;
  }

  static ObjectNode tierJson(Tier t) {
    return Json.object().put("name", t.name).put("slug", t.slug).put("included_repositories", t.repositories)
        .put("included_storage_bytes", t.storageBytes).put("allow_storage_overage", t.overage)
        .put("included_bandwidth_bytes", t.storageBytes).put("monthly_price_in_cents", t.priceCents)
        .put("storage_overage_price_in_cents", t.overage ? 2 : 0);
  }
}
