package io.hostk8s.dev.doctor;

import java.util.List;

/** All checks; {@code ok} is false when a required check failed. */
public record DoctorReport(boolean ok, List<CheckResult> checks) {
  public static DoctorReport of(List<CheckResult> checks) {
    return new DoctorReport(checks.stream().allMatch(c -> c.ok() || !c.required()), List.copyOf(checks));
  }
}
