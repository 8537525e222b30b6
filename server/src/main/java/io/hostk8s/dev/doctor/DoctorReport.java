package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import java.util.List;

/**
 * All checks for one target ({@code cluster} or {@code sandbox}, chosen as {@code make dev} chooses, with the
 * reason); {@code ok} is false when a check that target needs failed.
 */
public record DoctorReport(boolean ok, List<CheckResult> checks, String target, String targetReason) {
  public static DoctorReport of(List<CheckResult> checks, DevTarget target) {
    return new DoctorReport(checks.stream().allMatch(c -> c.ok() || !c.required()), List.copyOf(checks), target.name(), target.reason());
  }
}
