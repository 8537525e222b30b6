package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/**
 * {@code hostk8s.publish.plan}: every field overrides {@code cloud.digitalocean} of hostk8s.dev.yaml for this run
 * (null: the file's value, else the default). {@code upgradeRegistry}: the plan then shows a Starter registry's
 * upgrade to Basic as consented. {@code apiUrl}: another DigitalOcean API base URL (like doctl's {@code --api-url};
 * also {@code DIGITALOCEAN_API_URL}).
 */
public record PublishPlanArgs(
    @Arg(prompt = "DOKS cluster name (created or reused)", example = "hostk8s-voting") String cluster,
    @Arg(prompt = "DigitalOcean region", example = "fra1") String region,
    @Arg(prompt = "Node size slug", example = "s-2vcpu-4gb") String nodeSize,
    @Arg(prompt = "Number of nodes", example = "2") Integer nodes,
    @Arg(prompt = "Kubernetes version slug, a minor like 1.33, or latest", example = "latest") String version,
    @Arg(prompt = "Container registry name (globally unique)", example = "hostk8s-voting") String registry,
    @Arg(prompt = "Consent to upgrading a Starter registry to Basic ($5/month)") Boolean upgradeRegistry,
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl) {

  public static PublishPlanArgs defaults() {
    return new PublishPlanArgs(null, null, null, null, null, null, null, null);
  }
}
