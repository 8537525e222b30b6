package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.deploy.Restarter;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import java.time.Duration;

/**
 * {@code hostk8s.restart}: restarts a service's pods ({@code [{service}]}, a configured service or another Deployment
 * of the app such as redis) like {@code kubectl rollout restart}, and waits until the new pods are ready.
 */
public final class RestartCommand implements Command {
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  @Override
  public String id() {
    return CommandIds.RESTART;
  }

  @Override
  public String title() {
    return "Restart a service's pods (rollout restart)";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Deploy";
  }

  @Override
  public Class<? extends Record> arguments() {
    return ServiceArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{summary}").withOk("ready");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    String service = ctx.args().as(ServiceArgs.class).service();
    ctx.progress().begin("HostK8s: restarting " + service);
    try {
      Restarter.Restarted r = new Restarter(ctx.engine().kube(), ctx.engine().workspace().config().config())
          .restart(service, TIMEOUT, ctx.progress());
      ctx.engine().events().publish(HostK8sEvent.of("deploy.restarted", service, r.summary()));
      ctx.progress().end(r.summary());
      return r;
    } catch (RuntimeException | InterruptedException e) {
      ctx.progress().end("restart failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
      throw e;
    }
  }
}
