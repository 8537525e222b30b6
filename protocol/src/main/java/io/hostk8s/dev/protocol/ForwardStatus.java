package io.hostk8s.dev.protocol;

/** A port-forward: 127.0.0.1:localPort → pod:remotePort; state (active | reconnecting | failed). */
public record ForwardStatus(String service, String name, int localPort, int remotePort, String pod, String state, String url) {}
