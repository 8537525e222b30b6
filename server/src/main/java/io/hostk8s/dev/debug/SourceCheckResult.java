package io.hostk8s.dev.debug;

import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Path;

/**
 * Outcome of comparing local sources with the container's before attaching: {@code MATCH}; {@code MISMATCH} with
 * the first differing file (local path, container path, both hashes — remote null when the container lacks it)
 * and a suggestion; or {@code UNKNOWN} with why nothing could be compared. {@link #message()} is the text for the
 * debug console and the diagnostic.
 */
public record SourceCheckResult(State state, String service, int checked, Path local, String remote, String localSha256,
    String remoteSha256, String why, String suggestion) {

  public enum State { MATCH, MISMATCH, UNKNOWN }

  public static SourceCheckResult match(String service, int checked) {
    return new SourceCheckResult(State.MATCH, service, checked, null, null, null, null, null, null);
  }

  public static SourceCheckResult mismatch(String service, int checked, Path local, String remote, String localSha256,
      String remoteSha256, String suggestion) {
    return new SourceCheckResult(State.MISMATCH, service, checked, local, remote, localSha256, remoteSha256, null, suggestion);
  }

  public static SourceCheckResult unknown(String service, String why) {
    return new SourceCheckResult(State.UNKNOWN, service, 0, null, null, null, null, why, null);
  }

  /** Whether the user should be told (a mismatch, or a check that could not run). */
  public boolean warns() {
    return state != State.MATCH;
  }

  /** The error code of a mismatch (for the diagnostic and the docs). */
  public static ErrorCode mismatchCode() {
    return ErrorCode.DEBUG_SOURCE_MISMATCH;
  }

  public String message() {
    switch (state) {
      case MATCH:
        return service + ": local sources match the container (" + checked + (checked == 1 ? " file" : " files") + " compared by sha256).";
      case MISMATCH:
        String what = remoteSha256 == null
            ? local + " has no counterpart " + remote + " in the container"
            : local + " differs from " + remote + " in the container (sha256 " + shortHash(localSha256) + " here, "
                + shortHash(remoteSha256) + " there)";
        return service + ": " + what + ": breakpoints may stop on the wrong lines. " + suggestion + " ["
            + mismatchCode().code() + "]";
      default:
        return service + ": the local sources could not be compared with the container's: " + why + ".";
    }
  }

  private static String shortHash(String h) {
    return h == null ? "?" : h.substring(0, Math.min(12, h.length()));
  }
}
