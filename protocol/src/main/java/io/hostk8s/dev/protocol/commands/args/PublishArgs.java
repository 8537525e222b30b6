package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.plan} and {@code hostk8s.publish.apply}: every field overrides {@code cloud.digitalocean} of
 * hostk8s.dev.yaml for this run (null: the file's value, else the default). {@code yes}: apply goes ahead without
 * asking (clients ask first: it creates resources that bill). {@code upgradeRegistry}: consent to upgrading a
 * Starter registry to Basic (a paid change). {@code apiUrl}: another DigitalOcean API base URL (like doctl's
 * {@code --api-url}; also {@code DIGITALOCEAN_API_URL}).
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
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.plan",
        prompt = "Create or reuse these DigitalOcean resources? They bill while they exist.") Boolean yes) {

  /** The same with {@code yes} set. */
  public PublishArgs confirmed() {
    return new PublishArgs(cluster, region, nodeSize, nodes, version, registry, upgradeRegistry, apiUrl, true);
  }
}
