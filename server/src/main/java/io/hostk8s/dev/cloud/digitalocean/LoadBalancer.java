package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** A load balancer (made by the cluster's cloud controller for a {@code LoadBalancer} Service). {@code status}: new, active, errored. */
public record LoadBalancer(String id, String name, String ip, String status, RegionRef region, String tag,
    List<Long> dropletIds, String createdAt) {}
