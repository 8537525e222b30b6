package io.hostk8s.dev.cli;

import com.google.gson.JsonObject;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.doctor.CheckResult;
import io.hostk8s.dev.doctor.DockerCheck;
import io.hostk8s.dev.doctor.KindCheck;
import io.hostk8s.dev.engine.LocalEngine;
import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.rpc.EngineOwnership;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import io.hostk8s.dev.status.StatusSnapshot;
import io.hostk8s.dev.util.Json;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dev", description = "The main job: own this workspace's engine and run the dev loop in the foreground: "
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
    LocalEngine engine = EngineOwnership.own(CliRuntime.workspace(options), System.getenv(), options.kubeconfig, "cli");
    LogSetup.attachFile(engine.services().workspace().stateDir().resolve("dev.log"));
    Workspace ws = engine.services().workspace();
    CliProgress progress = new CliProgress(err, false);
    DevShutdown shutdown = new DevShutdown(engine, progress, out, err).onSignal();
    boolean sandbox = forceSandbox || !realClusterPossible(ws, out);
    shutdown.sandbox(sandbox, sandbox && SandboxLauncher.isRunning(ws));
    try {
      if (!sandbox) {
        out.println("Using the cluster at " + ws.kubeconfig() + ".");
      }
      DevLoop loop = new DevLoop(engine, out, progress);
      loop.printEvents();
      JsonObject upArgs = new JsonObject();
      upArgs.addProperty("sandbox", sandbox);
      Object up = shutdown.track(engine.execute("hostk8s.up", CommandArgs.named(upArgs), progress)).join();
      out.println(Formatters.str(Json.GSON.toJsonTree(up).getAsJsonObject(), "target") + ": up done");
      StatusSnapshot s = engine.refresh();
      out.println(Formatters.status(Json.GSON.toJsonTree(s)));
      Json.GSON.toJsonTree(up).getAsJsonObject().getAsJsonArray("sync").forEach(x -> out.println("sync     " + x.getAsString()));
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
        out.println("Engine running (socket " + io.hostk8s.dev.rpc.EngineLocator.socketOf(ws.stateDir()) + "); Ctrl-C to stop.");
        out.flush();
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
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

  private static boolean realClusterPossible(Workspace ws, PrintWriter out) {
    CheckResult docker = new DockerCheck().run(ws);
    CheckResult kind = new KindCheck().run(ws);
    if (docker.ok() && kind.ok()) {
      return true;
    }
    CheckResult missing = docker.ok() ? kind : docker;
    out.println("No real cluster possible here: " + missing.detail() + ".");
    out.println("  (fix: " + missing.fix() + ")");
    out.println("Running the same loop against the sandbox test bed instead (pods are local processes).");
    out.flush();
    return false;
  }
}
