package io.hostk8s.dev.protocol;

/**
 * File sync of a service: state (off | starting | watching | syncing | waiting | error) and latencies of the
 * session in ms (save → applied in the pod: last, p50, p95 over the session's saves), batches sent; the last batch's
 * files and bytes, the last save → serving (when the service has an HTTP readiness probe and a restart or an in-place
 * reload was seen), the pod synced into, the current error or waiting reason, and save → serving p50/p95 over the
 * session's probed saves.
 */
public record SyncStatus(String state, Long lastLatencyMs, Long p50Ms, Long p95Ms, int batches, Integer lastFiles, Long lastBytes,
    Long lastServingMs, String pod, String error, Long servingP50Ms, Long servingP95Ms) {
  public static final SyncStatus OFF = new SyncStatus("off", null, null, null, 0);

  public SyncStatus(String state, Long lastLatencyMs, Long p50Ms, Long p95Ms, int batches, Integer lastFiles, Long lastBytes,
      Long lastServingMs, String pod, String error) {
    this(state, lastLatencyMs, p50Ms, p95Ms, batches, lastFiles, lastBytes, lastServingMs, pod, error, null, null);
  }

  public SyncStatus(String state, Long lastLatencyMs, Long p50Ms, Long p95Ms, int batches) {
    this(state, lastLatencyMs, p50Ms, p95Ms, batches, null, null, null, null, null);
  }
}
