package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.protocol.commands.Fix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All checks for one target ({@code cluster} or {@code sandbox}, chosen as {@code make dev} chooses, with the
 * reason); {@code ok} is false when a check that target needs failed; {@code summary} and {@code lines} say it for
 * a person (IDE notification and output); {@code problems} are the lines of the failed checks (logged as warnings);
 * {@code fixes} the commands that fix them (buttons in an IDE).
 */
public record DoctorReport(boolean ok, List<CheckResult> checks, String target, String targetReason, String summary,
    List<String> lines, List<String> problems, List<Fix> fixes) {
  public static DoctorReport of(List<CheckResult> checks, DevTarget target) {
    boolean ok = checks.stream().allMatch(c -> c.ok() || !c.required());
    long passed = checks.stream().filter(CheckResult::ok).count();
    String summary = passed + "/" + checks.size() + " checks ok for " + target.label()
        + (ok ? "" : " — required checks failed");
    List<String> lines = new ArrayList<>();
    lines.add("target: " + target.name() + " (" + target.reason() + ")");
    checks.forEach(c -> lines.add(line(c)));
    List<String> problems = checks.stream().filter(c -> !c.ok()).map(DoctorReport::line).toList();
    return new DoctorReport(ok, List.copyOf(checks), target.name(), target.reason(), summary, List.copyOf(lines), problems,
        fixes(checks, target));
  }

  /**
   * The commands for the failed checks: no Docker or kind → the sandbox; for the sandbox, a missing kubeconfig means
   * it does not run yet → Start Sandbox; for a real cluster, a missing kubeconfig or registry → Start Cluster (where
   * Docker and kind are there, else the sandbox).
   */
  static List<Fix> fixes(List<CheckResult> checks, DevTarget target) {
    boolean noKind = checks.stream().anyMatch(c -> !c.ok() && (c.name().equals("docker") || c.name().equals("kind")));
    Fix start = target.sandbox() || noKind ? Fix.START_SANDBOX : Fix.START_CLUSTER;
    Set<Fix> fixes = new LinkedHashSet<>();
    for (CheckResult c : checks) {
      if (c.ok()) {
        continue;
      }
      switch (c.name()) {
        case "docker", "kind" -> {
          if (c.required()) {
            fixes.add(Fix.START_SANDBOX);
          }
        }
        case "kubeconfig" -> fixes.add(start);
        case "registry" -> {
          if (c.required()) {
            fixes.add(start);
          }
        }
        default -> { }
      }
    }
    return List.copyOf(fixes);
  }

  /** "✔ java: 17.0.9", "✘ kind: not found — fix: …", "⚠ …" for a check the target does not need. */
  static String line(CheckResult c) {
    String mark = c.ok() ? "✔" : c.required() ? "✘" : "⚠";
    return mark + " " + c.name() + (c.detail() == null ? "" : ": " + c.detail())
        + (!c.ok() && c.fix() != null ? " — fix: " + c.fix() : "") + (c.note() == null ? "" : " (" + c.note() + ")");
  }
}
