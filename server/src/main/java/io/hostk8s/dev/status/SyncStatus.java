package io.hostk8s.dev.status;

/** File sync of a service: state (off | watching | syncing | error) and latencies of the session in ms. */
public record SyncStatus(String state, Long lastLatencyMs, Long p50Ms, Long p95Ms, int batches) {
  public static final SyncStatus OFF = new SyncStatus("off", null, null, null, 0);
}
