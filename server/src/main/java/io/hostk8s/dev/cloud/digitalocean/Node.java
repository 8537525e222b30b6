package io.hostk8s.dev.cloud.digitalocean;

/** A node of a pool; {@code dropletId} is the droplet behind it. */
public record Node(String id, String name, NodeStatus status, String dropletId) {}
