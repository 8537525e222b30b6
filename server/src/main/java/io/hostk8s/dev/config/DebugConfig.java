package io.hostk8s.dev.config;

/** Debugger of a service: runtime (python | java), its port in the pod, optional fixed local port. */
public record DebugConfig(String runtime, int port, Integer localPort, String remoteRoot) {}
