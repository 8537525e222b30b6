package io.hostk8s.dev.cloud.digitalocean;

/** A container registry; images are {@code registry.digitalocean.com/<name>/<repo>:<tag>}. */
public record Registry(String name, String region, String createdAt, Long storageUsageBytes) {}
