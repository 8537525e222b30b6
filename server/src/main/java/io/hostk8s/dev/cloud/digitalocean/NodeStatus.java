package io.hostk8s.dev.cloud.digitalocean;

/** A node's {@code status}: {@code provisioning, running, draining, deleting}. */
public record NodeStatus(String state) {}
