package io.hostk8s.dev.cloud.digitalocean;

/** A DNS record; {@code name} relative to its domain ({@code @} for the apex). */
public record DomainRecord(long id, String type, String name, String data, Integer ttl) {}
