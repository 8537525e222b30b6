package io.hostk8s.dev.cli;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.engine.HandOverEngine;
import io.hostk8s.dev.engine.TakeOver;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.DevArgs;
import io.hostk8s.dev.protocol.commands.args.NoArgs;
import io.hostk8s.dev.protocol.commands.results.DevResult;
import io.hostk8s.dev.rpc.EngineLocator;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hostk8s-dev dev}: runs the engine's dev loop ({@code hostk8s.dev}, the same the IDE runs) and prints it —
 * progress, events, the forwards, the debug adapter, the pod logs — until Ctrl-C, then {@code hostk8s.dev.stop}
 * ({@link DevShutdown}).
 */
@Command(name = "dev", description = "The main job: run the dev loop in the foreground, in this workspace's engine (its owner's, "
    + "e.g. the IDE's, or this process's when none runs): "
    + "cluster, build, deploy, file sync, port-forwards to every http port, the debug adapter and the pod logs. "
    + "With Docker and kind it targets the real cluster; without a Docker daemon it says so and uses the sandbox test bed.",
    subcommands = DevStopCli.class)
final class DevCli implements Callable<Integer> {
  @Mixin
  CliOptions options;

  @Spec
  CommandSpec spec;

  @Option(names = "--once", description = "Set up, print the status and stop again (for scripts and tests).")
  boolean once;

  @Option(names = "--sandbox", description = "Use the sandbox test bed even when Docker is available.")
  boolean forceSandbox;

  @Option(names = "--no-logs", description = "Do not print the services' pod logs.")
  boolean noLogs;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    CliRuntime.initLogging(options);
    Path root = CliRuntime.workspace(options);
    LogSetup.attachFile(root.resolve(".hostk8s").resolve("dev.log"));
    AtomicReference<WorkspaceEngine.Handle> handle = new AtomicReference<>();
    HandOverEngine engine = obtain(handle, err);
    if (!handle.get().owner()) {
      out.println("dev uses the workspace's engine (pid " + handle.get().ownerPid() + "); on Ctrl-C it stops only what it "
          + "started; if that engine goes away, dev takes it over.");
    }
    CliProgress progress = new CliProgress(err, false);
    String run = "cli-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime(), 36);
    DevShutdown shutdown = new DevShutdown(engine, handle::get, run, out, err, progress).onSignal();
    boolean followLogs = !once && !noLogs;
    printEvents(engine, out);
    if (followLogs) {
      printLogs(engine, out);
    }
    CompletableFuture<Void> gaveUp = new CompletableFuture<>();
    engine.onTakeOver(t -> printTakeOver(t, engine, out));
    engine.gaveUp().thenRun(() -> {
      WorkspaceEngine.say(err, "the workspace's engine went away and could not be taken over; dev ends here.");
      gaveUp.complete(null);
    });
    try {
      DevArgs args = new DevArgs(forceSandbox ? Boolean.TRUE : null, !followLogs, run);
      Object result = shutdown.track(engine.execute(CommandIds.DEV, CommandArgs.of(args), progress)).join();
      printReady(Json.GSON.fromJson(Json.GSON.toJsonTree(result), DevResult.class), engine, out);
      if (!once) {
        out.println("Engine running (socket " + EngineLocator.socketOf(root.resolve(".hostk8s")) + "); Ctrl-C to stop.");
        out.flush();
        printReadiness(engine, out);
        gaveUp.join(); // until Ctrl-C (the shutdown hook ends the JVM) or a take-over that failed
        shutdown.run();
        return CliErrors.FAILURE;
      }
    } catch (RuntimeException e) {
      if (!shutdown.started()) {
        CliErrors.print(e, err);
      }
      shutdown.run();
      return CliErrors.FAILURE;
    }
    shutdown.run();
    return 0;
  }

  /**
   * The workspace's engine, taken over whenever its owner goes away (the IDE closed, the terminal that ran it
   * Ctrl-C'd or killed): dev then owns it or attaches to the front end that won, and its loop ({@code hostk8s.dev}
   * with the same run) is started again there — the work booked by {@link HandOverEngine}.
   */
  private HandOverEngine obtain(AtomicReference<WorkspaceEngine.Handle> handle, PrintWriter err) {
    AtomicInteger obtained = new AtomicInteger();
    return HandOverEngine.start(() -> {
      if (obtained.getAndIncrement() > 0) {
        WorkspaceEngine.say(err, "the workspace's engine (pid " + handle.get().ownerPid() + ") stopped; taking over dev.");
      }
      WorkspaceEngine.Handle h = WorkspaceEngine.obtain(options, err, "dev");
      handle.set(h);
      return h.engine();
    }, true);
  }

  /**
   * After a take-over: what restarted, and the forwards as the engine lists them now (a port may have changed; the
   * status snapshot may not show them yet).
   */
  private static void printTakeOver(TakeOver t, Engine engine, PrintWriter out) {
    line(out, "[engine] " + t.text());
    try {
      Object listed = engine.execute(CommandIds.FORWARD_LIST, CommandArgs.of(new NoArgs()), Progress.NONE).join();
      for (ForwardStatus f : Json.GSON.fromJson(Json.GSON.toJsonTree(listed), ForwardStatus[].class)) {
        line(out, String.format("forward  %-8s %s → pod port %s", f.service(), f.url(), f.remotePort()));
      }
    } catch (RuntimeException e) {
      line(out, "[engine] could not list the forwards: " + e.getMessage() + " (./hostk8s-dev forward list)");
    }
  }

  /** What the loop set up, as {@code dev} has always printed it. */
  private static void printReady(DevResult dev, Engine engine, PrintWriter out) {
    synchronized (out) {
      out.println(dev.target() + ": up done");
      out.println(Formatters.status(Json.GSON.toJsonTree(engine.status())));
      dev.sync().forEach(x -> out.println("sync     " + x));
      for (ForwardStatus f : dev.forwards()) {
        out.println(String.format("forward  %-8s %s → pod port %s", f.service(), dev.urls().get(f.service()), f.remotePort()));
      }
      dev.notes().stream().filter(n -> n.startsWith("forward")).forEach(out::println);
      if (dev.debugEndpoint() != null) {
        out.println("debug    DAP adapter at " + dev.debugEndpoint()
            + " — attach {\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"vote\"} (F5 in the IDE)");
      }
      dev.notes().stream().filter(n -> !n.startsWith("forward")).forEach(out::println);
      out.println(dev.summary());
      out.flush();
    }
  }

  /**
   * Events from now on: sync batches, forward moves, debug sessions, sandbox; dev's choice of target as it says it.
   * Deploy phases are printed as progress, and what the loop opened from its result.
   */
  private static void printEvents(Engine engine, PrintWriter out) {
    engine.onEvent(e -> {
      if (e.type().equals("dev.target")) {
        line(out, e.text());
      } else if (!e.type().startsWith("deploy.") && !e.type().startsWith("dev.") && !e.type().equals("forward.open")) {
        line(out, "[" + e.type() + "] " + e.text());
      }
    });
  }

  /** Pod log lines of the followed services as {@code service │ line} (a local run's as {@code service (local)}). */
  private static void printLogs(Engine engine, PrintWriter out) {
    engine.onLog(b -> {
      String label = LocalRuns.LOCAL_POD.equals(b.pod()) ? b.service() + " (local)" : b.service();
      b.lines().forEach(l -> line(out, String.format("%-7s│ %s", label, l)));
    });
  }

  /** Readiness changes only: sync latencies and forward states arrive as events. */
  private static void printReadiness(Engine engine, PrintWriter out) {
    AtomicReference<String> last = new AtomicReference<>();
    engine.onStatus(st -> {
      String summary = "[status] cluster " + st.cluster().state() + ", services "
          + st.services().stream().map(x -> x.name() + " " + x.ready() + "/" + x.total()).toList();
      if (!summary.equals(last.getAndSet(summary))) {
        line(out, summary);
      }
    });
  }

  private static void line(PrintWriter out, String s) {
    synchronized (out) {
      out.println(s);
      out.flush();
    }
  }
}
