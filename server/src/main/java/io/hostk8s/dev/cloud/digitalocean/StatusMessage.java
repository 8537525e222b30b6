package io.hostk8s.dev.cloud.digitalocean;

/** A cluster status message (e.g. why provisioning is slow) with its timestamp (RFC 3339). */
public record StatusMessage(String message, String timestamp) {}
