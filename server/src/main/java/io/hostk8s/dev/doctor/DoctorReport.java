package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * All checks for one target ({@code cluster} or {@code sandbox}, chosen as {@code make dev} chooses, with the
 * reason); {@code ok} is false when a check that target needs failed; {@code summary} and {@code lines} say it for
 * a person (IDE notification and output).
 */
public record DoctorReport(boolean ok, List<CheckResult> checks, String target, String targetReason, String summary,
    List<String> lines) {
  public static DoctorReport of(List<CheckResult> checks, DevTarget target) {
    boolean ok = checks.stream().allMatch(c -> c.ok() || !c.required());
    long passed = checks.stream().filter(CheckResult::ok).count();
    String summary = passed + "/" + checks.size() + " checks ok for " + target.label()
        + (ok ? "" : " — required checks failed");
    List<String> lines = new ArrayList<>();
    lines.add("target: " + target.name() + " (" + target.reason() + ")");
    checks.forEach(c -> lines.add(line(c)));
    return new DoctorReport(ok, List.copyOf(checks), target.name(), target.reason(), summary, List.copyOf(lines));
  }

  /** "✔ java: 17.0.9", "✘ kind: not found — fix: …", "⚠ …" for a check the target does not need. */
  static String line(CheckResult c) {
    String mark = c.ok() ? "✔" : c.required() ? "✘" : "⚠";
    return mark + " " + c.name() + (c.detail() == null ? "" : ": " + c.detail())
        + (!c.ok() && c.fix() != null ? " — fix: " + c.fix() : "") + (c.note() == null ? "" : " (" + c.note() + ")");
  }
}
