package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.cloud.digitalocean.Cluster;
import io.hostk8s.dev.protocol.cloud.PublishPlan;

/**
 * A plan and the decisions behind it, for apply: the version slug a new cluster gets, the cluster to reuse (or
 * null: create), the registry (name, region, tier; whether it exists and must be upgraded).
 */
record Resolved(PublishPlan plan, String versionSlug, Cluster existingCluster, String registryName,
    String registryRegion, String registryTier, boolean registryExists, boolean registryUpgrade) {}
