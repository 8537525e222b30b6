package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.sandbox.SandboxLauncher;

/**
 * {@code hostk8s.sandbox.up}: starts the sandbox test bed (stand-in control plane, pods as local processes)
 * and points this engine at it.
 */
public final class SandboxUpCommand implements Command {
  private final SandboxLauncher launcher;

  public SandboxUpCommand(SandboxLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public String id() {
    return CommandIds.SANDBOX_UP;
  }

  @Override
  public String title() {
    return "Start the sandbox test bed (no Docker needed)";
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
    return ResultView.message("Sandbox running; kubeconfig {kubeconfig}");
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.progress().begin("HostK8s: starting the sandbox");
    SandboxLauncher.UpResult up = launcher.up(ctx.engine().workspace(), ctx.progress());
    ctx.engine().workspace().useKubeconfig(java.nio.file.Path.of(up.kubeconfig()));
    ctx.engine().events().publish(HostK8sEvent.of("sandbox.up", null, "sandbox running; kubeconfig " + up.kubeconfig()));
    ClusterProbe.refresh(ctx.engine());
    ctx.progress().end("sandbox running");
    return up;
  }
}
