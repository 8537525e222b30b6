package io.hostk8s.dev.config;

/** Where images are pushed from the host and where nodes pull them (HostK8s: localhost:5002 / localhost:5000). */
public record RegistryConfig(String push, String pull) {}
