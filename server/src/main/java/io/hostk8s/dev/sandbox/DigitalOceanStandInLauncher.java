package io.hostk8s.dev.sandbox;

import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts and stops the DigitalOcean API stand-in of the test bed jar ({@code digitalocean up|down}), found as
 * {@link SandboxLauncher#findJar} finds it. State lives in {@code <workspace>/.hostk8s/digitalocean}.
 */
public final class DigitalOceanStandInLauncher {

  private final ProcessRunner runner;

  public DigitalOceanStandInLauncher(ProcessRunner runner) {
    this.runner = runner;
  }

  public static Path stateDir(Workspace ws) {
    return ws.root().resolve(".hostk8s/digitalocean");
  }

  /** Starts it (or finds it running) and returns its API base URL, the last line {@code up} prints. */
  public String up(Workspace ws, List<String> options, Consumer<String> lines, Progress progress) {
    List<String> out = new ArrayList<>();
    List<String> args = new ArrayList<>(List.of("digitalocean", "up", "--workspace", ws.root().toString(),
        "--state-dir", stateDir(ws).toString()));
    args.addAll(options);
    ProcessResult r = runner.run(spec(ws, args), line -> {
      out.add(line);
      lines.accept(line);
    }, progress);
    if (!r.ok() || out.isEmpty()) {
      throw new HostK8sException(ErrorCode.SANDBOX_FAILED, "The DigitalOcean stand-in did not start (exit "
          + r.exitCode() + "): " + String.join(" | ", r.tail()), List.of("See "
          + stateDir(ws).resolve("digitalocean.log") + "; `hostk8s-dev sandbox digitalocean down` cleans up."),
          true, null);
    }
    return out.get(out.size() - 1).trim();
  }

  /** Stops it, its cluster sandboxes and their pod processes. */
  public void down(Workspace ws, Consumer<String> lines, Progress progress) {
    ProcessResult r = runner.run(spec(ws, List.of("digitalocean", "down", "--state-dir", stateDir(ws).toString())),
        lines, progress);
    if (!r.ok()) {
      throw new HostK8sException(ErrorCode.SANDBOX_FAILED, "Stopping the DigitalOcean stand-in failed: "
          + String.join(" | ", r.tail()), List.of("Look for leftover processes with `pgrep -af 'SandboxMain "
          + "digitalocean'` and stop them."), true, null);
    }
  }

  private static ProcessSpec spec(Workspace ws, List<String> args) {
    List<String> cmd = new ArrayList<>(List.of(SandboxLauncher.javaBinary(), "-jar",
        SandboxLauncher.findJar(ws).toString()));
    cmd.addAll(args);
    return new ProcessSpec(cmd, ws.root(), Map.of());
  }
}
