package io.hostk8s.dev.cli;

import com.google.gson.JsonObject;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.doctor.DevTargets;
import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.rpc.EngineLocator;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dev", description = "The main job: run the dev loop in the foreground, in this workspace's engine (its owner's, "
    + "e.g. the IDE's, or this process's when none runs): "
    + "cluster, build, deploy, file sync, port-forwards to every http port, the debug adapter and the pod logs. "
    + "With Docker and kind it targets the real cluster; without a Docker daemon it says so and uses the sandbox test bed.")
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
    WorkspaceEngine.Handle handle = WorkspaceEngine.obtain(options, err, "dev");
    Engine engine = handle.engine();
    // dev's own checks (Docker, kind, is the sandbox running) read the workspace here; the engine may be another process's
    Workspace ws = handle.owner() ? handle.local().services().workspace() : new Workspace(root, System.getenv(), options.kubeconfig);
    if (!handle.owner()) {
      out.println("dev uses the workspace's engine (pid " + handle.ownerPid() + "); on Ctrl-C it stops only what it started.");
    }
    CliProgress progress = new CliProgress(err, false);
    DevShutdown shutdown = new DevShutdown(handle, progress, out, err).onSignal();
    boolean sandbox = forceSandbox || !realClusterPossible(ws, out);
    shutdown.sandbox(sandbox, sandbox && SandboxLauncher.isRunning(ws));
    try {
      if (!sandbox) {
        out.println("Using the cluster at " + ws.kubeconfig() + ".");
      }
      DevLoop loop = new DevLoop(engine, ws.config().config().services().keySet(), out, progress, shutdown);
      loop.printEvents();
      List<String> syncingBefore = syncing(engine.status());
      JsonObject upArgs = new JsonObject();
      upArgs.addProperty("sandbox", sandbox);
      Object up = shutdown.track(engine.execute(CommandIds.UP, CommandArgs.named(upArgs), progress)).join();
      JsonObject upResult = Json.GSON.toJsonTree(up).getAsJsonObject();
      out.println(Formatters.str(upResult, "target") + ": up done");
      StatusSnapshot s = engine.refresh();
      syncing(s).stream().filter(x -> !syncingBefore.contains(x)).forEach(shutdown::syncStarted);
      out.println(Formatters.status(Json.GSON.toJsonTree(s)));
      upResult.getAsJsonArray("sync").forEach(x -> out.println("sync     " + x.getAsString()));
      out.flush();
      List<String> apps = loop.forwardHttp();
      loop.printDebugEndpoint();
      if (!apps.isEmpty()) {
        out.println("Ready: " + String.join(" · ", apps));
        out.flush();
      }
      if (!once) {
        if (!noLogs) {
          loop.followLogs();
        }
        out.println("Engine running (socket " + EngineLocator.socketOf(root.resolve(".hostk8s")) + "); Ctrl-C to stop.");
        out.flush();
        AtomicReference<String> last = new AtomicReference<>();
        engine.onStatus(st -> {
          // readiness only: sync latencies and forward states arrive as events
          String summary = "[status] cluster " + st.cluster().state() + ", services "
              + st.services().stream().map(x -> x.name() + " " + x.ready() + "/" + x.total()).toList();
          if (!summary.equals(last.getAndSet(summary))) {
            synchronized (out) {
              out.println(summary);
              out.flush();
            }
          }
        });
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook ends it
        return 0;
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

  /** The services whose sync runs in the engine now. */
  private static List<String> syncing(StatusSnapshot s) {
    return s.services().stream().filter(x -> x.sync() != null && !"off".equals(x.sync().state())).map(ServiceStatus::name).toList();
  }

  /**
   * Whether dev targets a real cluster — {@link DevTarget}'s decision, the one doctor evaluates: this workspace's
   * running sandbox, else a real cluster with Docker and kind, else the sandbox. Says so when it is the sandbox.
   */
  private static boolean realClusterPossible(Workspace ws, PrintWriter out) {
    DevTarget target = DevTargets.choose(ws, null);
    if (!target.sandbox()) {
      return true;
    }
    if (target.fix() == null) {
      out.println("Target: the sandbox — " + target.reason() + ".");
    } else {
      out.println(Character.toUpperCase(target.reason().charAt(0)) + target.reason().substring(1) + ".");
      out.println("  (fix: " + target.fix() + ")");
      out.println("Running the same loop against the sandbox test bed instead (pods are local processes).");
    }
    out.flush();
    return false;
  }
}
