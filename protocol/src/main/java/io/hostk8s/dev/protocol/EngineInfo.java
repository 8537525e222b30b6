package io.hostk8s.dev.protocol;

/**
 * Who serves this state. mode: {@code owner} (this process runs the workspace engine), {@code attached}
 * (relayed from the owner over .hostk8s/engine/engine.sock) or {@code observed} (no session: read from the cluster once).
 */
public record EngineInfo(String mode, String frontEnd, long pid, String workspace) {}
