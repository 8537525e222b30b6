package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.apply}: {@link PublishPlanArgs}' fields, and {@code yes}: apply goes ahead (clients show
 * the plan and ask first: it creates resources that bill). Without it apply refuses. {@code infraOnly}: stop after
 * the cluster, registry and pull access (the app part — images, ingress, DNS, TLS, the app — is left out).
 */
public record PublishArgs(
    @Arg(prompt = "DOKS cluster name (created or reused)", example = "hostk8s-voting") String cluster,
    @Arg(prompt = "DigitalOcean region", example = "fra1") String region,
    @Arg(prompt = "Node size slug", example = "s-2vcpu-4gb") String nodeSize,
    @Arg(prompt = "Number of nodes", example = "2") Integer nodes,
    @Arg(prompt = "Kubernetes version slug, a minor like 1.33, or latest", example = "latest") String version,
    @Arg(prompt = "Container registry name (globally unique)", example = "hostk8s-voting") String registry,
    @Arg(prompt = "Consent to upgrading a Starter registry to Basic ($5/month)") Boolean upgradeRegistry,
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl,
    @Arg(prompt = "Only the DigitalOcean side (cluster, registry, pull access): leave the app out") Boolean infraOnly,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.plan",
        prompt = "Create or reuse these DigitalOcean resources? They bill while they exist.") Boolean yes) {

  /** The plan these arguments apply. */
  public PublishPlanArgs plan() {
    return new PublishPlanArgs(cluster, region, nodeSize, nodes, version, registry, upgradeRegistry, apiUrl);
  }
}
