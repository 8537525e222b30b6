package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.cloud.target.CloudTarget;
import io.hostk8s.dev.cluster.ClusterProbe;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.core.Target;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.TargetArgs;

/**
 * {@code hostk8s.target.set}: switches the workspace between the local cluster and the cluster publish made on
 * DigitalOcean. Remembered in {@code .hostk8s/target}; the status, tree, logs and forwards follow (the engine's
 * client and cluster watcher re-read the kubeconfig in effect). Forwards and log streams of the other cluster are
 * stopped: they would point at pods that are not the target's.
 */
public final class TargetSetCommand implements Command {
  /** What the switch did: the target, the kubeconfig now in effect, the cluster's state there, one line. */
  public record Switched(String target, String kubeconfig, ClusterStatus cluster, String summary) {}

  @Override
  public String id() {
    return CommandIds.TARGET_SET;
  }

  @Override
  public String title() {
    return "Set the target: the local cluster or the published one on DigitalOcean";
  }

  @Override
  public String category() {
    return "Target";
  }

  @Override
  public Class<? extends Record> arguments() {
    return TargetArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{summary}");
  }

  @Override
  public Object run(CommandContext ctx) {
    Target target = Target.parse(ctx.args().as(TargetArgs.class).target());
    Workspace ws = ctx.engine().workspace();
    Target before = ws.target();
    ws.overrideTarget(null);
    ws.rememberTarget(target);
    if (before != target) {
      ClusterFeatures.stopAll(ctx.engine());
    }
    if (target.cloud()) {
      CloudTarget.showRecorded(ctx.engine());
    }
    ctx.engine().events().publish(HostK8sEvent.of("target", null, target.id()));
    StatusSnapshot s = ClusterProbe.refresh(ctx.engine());
    String summary = "Target: " + target.id() + " — cluster " + s.cluster().state()
        + (s.cluster().reason() == null ? "" : " (" + s.cluster().reason() + ")") + ", kubeconfig " + ws.kubeconfig();
    return new Switched(target.id(), String.valueOf(ws.kubeconfig()), s.cluster(), summary);
  }
}
