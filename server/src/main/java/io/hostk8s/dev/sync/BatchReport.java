package io.hostk8s.dev.sync;

import java.util.List;

/**
 * What one sent batch did: the pod, why it was sent ("watch" or "reconcile"), files copied, paths deleted, content
 * bytes, save → applied latency (for reconcile: trigger → applied), attempt number (1 unless retried), paths refused
 * by path safety (first ten), the after-sync action's failure if any, and when it was applied.
 */
public record BatchReport(String service, String pod, String reason, int files, int deletes, long bytes, long latencyMs,
    int attempt, List<String> refused, String error, long appliedAtMillis) {
  public BatchReport {
    refused = refused == null ? List.of() : List.copyOf(refused);
  }

  /** One line for the CLI and logs. */
  public String describe() {
    return String.format("%s → %s: %d file(s), %d deletion(s), %s in %d ms (%s%s)%s%s", service, pod, files, deletes, human(bytes),
        latencyMs, reason, attempt > 1 ? ", attempt " + attempt : "", refused.isEmpty() ? "" : "; refused: " + refused,
        error == null ? "" : "; " + error);
  }

  static String human(long bytes) {
    return bytes < 10_240 ? bytes + " B" : bytes < 10 << 20 ? (bytes >> 10) + " KiB" : (bytes >> 20) + " MiB";
  }
}
