package io.hostk8s.dev.config;

/** Cloud targets; only DigitalOcean for now. */
public record CloudConfig(DigitalOceanConfig digitalocean) {}
