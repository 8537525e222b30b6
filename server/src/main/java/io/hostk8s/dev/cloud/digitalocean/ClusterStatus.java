package io.hostk8s.dev.cloud.digitalocean;

/** A cluster's {@code status}: state ({@code running, provisioning, degraded, error, deleted, upgrading, deleting}) and text. */
public record ClusterStatus(String state, String message) {}
