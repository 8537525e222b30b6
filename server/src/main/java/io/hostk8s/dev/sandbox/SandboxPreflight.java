package io.hostk8s.dev.sandbox;

import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks the sandbox test bed whether this machine can run every pod of the voting app (its {@code preflight}
 * subcommand checks each image recipe's runtimes: redis-server, the Postgres binaries, python3 with Flask/Redis/
 * debugpy/watchdog, node with result's modules, java with the worker jar). Answers in about a second, so {@code up}
 * fails before the long rollout wait instead of after it.
 */
public final class SandboxPreflight {
  /** Exit code of the test bed's {@code preflight} when something is missing. */
  static final int MISSING = 3;
  private final ProcessRunner runner;

  public SandboxPreflight(ProcessRunner runner) {
    this.runner = runner;
  }

  /** One missing piece: what, the services (pods) that need it, and how to install it alone. */
  public record Missing(String what, List<String> services, String fix) {
    public String line() {
      return what + " — needed by " + String.join(", ", services == null ? List.of() : services) + (fix == null ? "" : "; " + fix);
    }
  }

  /** The preflight's answer; {@code fix} is the one command that installs everything. */
  public record Report(boolean ok, List<Missing> missing, String fix, long ms) {
    public Report {
      missing = missing == null ? List.of() : List.copyOf(missing);
    }
  }

  /** Runs the checks; the report says what is missing (never throws for a missing runtime, only for a broken test bed). */
  public Report check(Workspace ws, Progress progress) {
    Path jar = SandboxLauncher.findJar(ws);
    List<String> out = new ArrayList<>();
    ProcessResult r = runner.run(new ProcessSpec(List.of(SandboxLauncher.javaBinary(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-jar", jar.toString(), "preflight", "--workspace", ws.root().toString(), "--json"), ws.root(), Map.of()), out::add, progress);
    String json = out.stream().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
    if ((r.exitCode() != 0 && r.exitCode() != MISSING) || json == null) {
      throw new HostK8sException(ErrorCode.SANDBOX_FAILED, "The sandbox's preflight did not answer (exit " + r.exitCode() + "): "
          + String.join(" | ", r.tail()), List.of("Rebuild the test bed: `mvn -q -pl testbed -am package -DskipTests`."), true, null);
    }
    return Json.GSON.fromJson(json, Report.class);
  }

  /** Runs the checks and throws SANDBOX_PREREQUISITES_MISSING naming every missing piece when something is. */
  public Report require(Workspace ws, Progress progress) {
    Report report = check(ws, progress);
    if (!report.ok()) {
      throw missing(report);
    }
    return report;
  }

  static HostK8sException missing(Report report) {
    String list = report.missing().stream().map(m -> "  - " + m.line()).collect(Collectors.joining("\n"));
    String fix = report.fix() == null ? "make setup" : report.fix();
    return new HostK8sException(ErrorCode.SANDBOX_PREREQUISITES_MISSING,
        "This machine cannot run the voting app's pods in the sandbox; missing:\n" + list,
        List.of("Run `" + fix + "` in the repository (installs all of it, once), then try again."), true, null);
  }
}
