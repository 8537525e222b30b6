package io.hostk8s.dev.protocol;

/** A debug session served by the adapter: runtime (python | java) and state (attaching | attached | reattaching | ended). */
public record DebugSessionStatus(String id, String service, String runtime, String state) {}
