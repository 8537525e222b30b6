package io.hostk8s.dev.cloud.digitalocean;

/** An id with its name. */
public record NamedId(String id, String name) {}
