package io.hostk8s.dev.doctor;

/** One doctor check: ok, what was found, and the fix when not ok. {@code required} failures make doctor fail. */
public record CheckResult(String name, boolean ok, boolean required, String detail, String fix) {
  public static CheckResult ok(String name, String detail) {
    return new CheckResult(name, true, true, detail, null);
  }

  public static CheckResult missing(String name, boolean required, String detail, String fix) {
    return new CheckResult(name, false, required, detail, fix);
  }
}
