package io.hostk8s.dev.config;

/** Cluster name (HostK8s CLUSTER_NAME) and kubeconfig path (relative to the workspace unless absolute). */
public record ClusterConfig(String name, String kubeconfig) {}
