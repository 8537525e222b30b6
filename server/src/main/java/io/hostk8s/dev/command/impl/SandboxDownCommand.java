package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.debug.DebugSessions;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.sandbox.SandboxLauncher;

/** {@code hostk8s.sandbox.down}: stops the sandbox and every process it started. */
public final class SandboxDownCommand implements Command {
  private final SandboxLauncher launcher;

  public SandboxDownCommand(SandboxLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public String id() {
    return CommandIds.SANDBOX_DOWN;
  }

  @Override
  public String title() {
    return "Stop the sandbox test bed";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Cluster";
  }

  @Override
  public ResultView view() {
    return ResultView.message("Sandbox stopped");
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.progress().begin("HostK8s: stopping the sandbox");
    ClusterFeatures.stopAll(ctx.engine()).forEach(l -> ctx.progress().report("stopped " + l, null));
    DebugSessions debug = ctx.engine().featureIfPresent(DebugSessions.class);
    if (debug != null) { // their pods go with the sandbox: end them and clear them from the status
      debug.endAll("The sandbox stopped (sandbox down); this debug session ended.").forEach(l -> ctx.progress().report("ended " + l, null));
    }
    SandboxLauncher.DownResult down = launcher.down(ctx.engine().workspace(), ctx.progress());
    ctx.engine().workspace().useKubeconfig(null);
    ctx.engine().events().publish(HostK8sEvent.of("sandbox.down", null, "sandbox stopped"));
    ClusterProbe.refresh(ctx.engine());
    ctx.progress().end("sandbox stopped");
    return down;
  }
}
