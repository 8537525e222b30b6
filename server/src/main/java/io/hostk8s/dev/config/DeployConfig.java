package io.hostk8s.dev.config;

/** Where the manifests live (relative to the workspace). */
public record DeployConfig(String manifests) {}
