package io.hostk8s.dev.cloud.digitalocean;

/** A region as embedded in load balancers and volumes. */
public record RegionRef(String slug, String name) {}
