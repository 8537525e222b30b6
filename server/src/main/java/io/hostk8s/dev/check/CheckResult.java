package io.hostk8s.dev.check;

/**
 * One doctor check: ok, what was found, and the fix when not ok. {@code required}: the chosen target needs it (its
 * failure makes doctor fail); {@code note}: why it is not needed there (null when it is).
 */
public record CheckResult(String name, boolean ok, boolean required, String detail, String fix, String note) {
  public CheckResult(String name, boolean ok, boolean required, String detail, String fix) {
    this(name, ok, required, detail, fix, null);
  }

  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, true, true, detail, null);
  }

  public static CheckResult missing(String name, boolean required, String detail, String fix) {
    return new CheckResult(name, false, required, detail, fix);
  }

  /** The same result for a target that does not need it: reported, never required. */
  public CheckResult notNeeded(String why) {
    return new CheckResult(name, ok, false, detail, fix, why);
  }

  /** The same result for a target that needs it: required. */
  public CheckResult needed() {
    return new CheckResult(name, ok, true, detail, fix, null);
  }
}
