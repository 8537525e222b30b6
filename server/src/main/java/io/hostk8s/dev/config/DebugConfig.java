package io.hostk8s.dev.config;

/**
 * Debugger of a service: runtime (python | java | node), its port in the pod, optional fixed local port, and the
 * source directory in the container (defaults to the first sync rule's target).
 */
public record DebugConfig(String runtime, int port, Integer localPort, String remoteRoot) {}
