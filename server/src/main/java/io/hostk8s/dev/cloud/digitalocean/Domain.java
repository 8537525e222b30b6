package io.hostk8s.dev.cloud.digitalocean;

/** A DNS zone DigitalOcean serves (it answers only once the registrar delegates to ns1–3.digitalocean.com). */
public record Domain(String name, Integer ttl, String zoneFile) {}
