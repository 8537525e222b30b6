package io.hostk8s.dev.command.dev;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.impl.SandboxDownCommand;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.results.DevStopResult;
import io.hostk8s.dev.sync.SyncManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends dev runs: a sandbox the run started is stopped (with its pods and everything running against it); otherwise
 * only what the run started is stopped — its sync sessions, forwards and log streams — and a sandbox that was running
 * before the run keeps running. What others started in the engine (the IDE, another terminal) is left alone.
 */
final class DevStop {
  private final SandboxDownCommand sandboxDown;

  DevStop(SandboxDownCommand sandboxDown) {
    this.sandboxDown = sandboxDown;
  }

  DevStopResult stop(CommandContext ctx, String runName) {
    EngineServices engine = ctx.engine();
    ctx.progress().begin("HostK8s: stopping dev");
    List<DevRun> runs = DevRuns.of(engine).take(runName);
    List<String> names = new ArrayList<>();
    List<String> stopped = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    boolean sandboxStopped = false;
    boolean sandboxKept = false;
    for (DevRun run : runs) {
      names.add(run.id());
      List<DevRun.Work> work = run.stop();
      if (run.sandboxStartedHere()) {
        try {
          sandboxDown.run(new CommandContext(engine, CommandArgs.none(), Progress.phase(ctx.progress(), 0, 100)));
          sandboxStopped = true;
        } catch (RuntimeException e) {
          failures.add("the sandbox: " + e.getMessage());
        }
        continue;
      }
      sandboxKept |= run.sandboxKept();
      for (DevRun.Work w : work) {
        try {
          undo(engine, w);
          stopped.add(w.words());
        } catch (RuntimeException e) {
          failures.add(w.words() + ": " + e.getMessage());
        }
      }
    }
    String summary = summary(names, stopped, sandboxStopped, sandboxKept, failures);
    if (!names.isEmpty()) {
      // data.runs: which runs ended (front ends forget them, e.g. an IDE that would start its run again after a take-over)
      engine.events().publish(new HostK8sEvent("dev.stopped", null, summary, java.util.Map.of("runs", List.copyOf(names)),
          System.currentTimeMillis()));
    }
    ctx.progress().end(names.isEmpty() ? "no dev run to stop" : "stopped " + String.join(", ", names));
    return new DevStopResult(names, stopped, sandboxStopped, sandboxKept, failures, summary);
  }

  /** Stops one piece of work (nothing when it is gone already). */
  static void undo(EngineServices engine, DevRun.Work w) {
    switch (w.kind()) {
      case SYNC -> {
        SyncManager sync = engine.featureIfPresent(SyncManager.class);
        if (sync != null) {
          sync.stop(w.service());
        }
      }
      case FORWARD -> {
        PortForwards forwards = engine.featureIfPresent(PortForwards.class);
        if (forwards != null) {
          forwards.close(w.service(), w.name());
        }
      }
      case LOGS -> {
        LogStreams logs = engine.featureIfPresent(LogStreams.class);
        if (logs != null) {
          logs.stop(w.service());
        }
      }
    }
  }

  private static String summary(List<String> runs, List<String> stopped, boolean sandboxStopped, boolean sandboxKept,
      List<String> failures) {
    if (runs.isEmpty()) {
      return "No dev loop runs in this engine.";
    }
    StringBuilder s = new StringBuilder("Dev loop stopped");
    if (sandboxStopped) {
      s.append("; the sandbox it started and its pods are stopped too");
    }
    if (!stopped.isEmpty()) {
      s.append(" (and what it started: ").append(String.join(", ", stopped)).append(")");
    }
    if (sandboxKept) {
      s.append("; the sandbox was running before and keeps running");
    }
    if (!failures.isEmpty()) {
      s.append("; not stopped: ").append(String.join("; ", failures));
    }
    return s.append('.').toString();
  }
}
