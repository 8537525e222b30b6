package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A DOKS cluster ({@code kubernetes_cluster}); {@code status.state} is provisioning, running, degraded, error, … */
public record Cluster(String id, String name, String region, String version, String endpoint, ClusterStatus status,
    List<NodePool> nodePools, List<String> tags, Boolean registryEnabled, Boolean ha, String createdAt) {}
