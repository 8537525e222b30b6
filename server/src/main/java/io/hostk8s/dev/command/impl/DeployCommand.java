package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.core.DevOnly;
import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.DeployArgs;
import java.time.Duration;
import java.util.Map;

/**
 * {@code hostk8s.deploy}: applies the manifests (with the dev transform) and waits until every service is ready.
 * Arguments (one object, all optional): {@code suspendFlux} (bool), {@code noWait} (bool), {@code timeoutSeconds}
 * (number), {@code noDevTransform} (bool), {@code service} (only that service's objects and rollout). Images are the manifests' own (use {@code hostk8s.up} to build first).
 */
public final class DeployCommand implements Command {
  @Override
  public String id() {
    return CommandIds.DEPLOY;
  }

  @Override
  public String title() {
    return "Deploy the manifests and wait until every service is ready";
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
    return DeployArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("Deploy: {summary}");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    DevOnly.refuseOnCloud(ctx.engine().workspace(), "deploy (dev images, the dev transform)", "it would replace the "
        + "production images behind the published URL with dev ones");
    DeployOptions options = options(ctx.args());
    ctx.progress().begin(options.service() == null ? "HostK8s: deploying" : "HostK8s: deploying " + options.service());
    ctx.engine().status().update(s -> s.withBusy("deploy"));
    try {
      DeployResult result = DeployService.deploy(ctx.engine(), Map.of(), options, ctx.progress());
      String summary = options.service() != null ? result.summary() : result.ready() ? "every service ready" : "applied; " + result.services().stream().filter(s -> !s.ready()).count() + " not ready yet";
      ctx.engine().events().publish(HostK8sEvent.of("deploy.done", null, summary));
      ctx.progress().end(summary);
      return result;
    } catch (RuntimeException | InterruptedException e) {
      // the first line only: the whole message (with its log lines) is the command's error, shown once by the front end
      ctx.progress().end("deploy failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
      throw e;
    } finally {
      ctx.engine().status().update(s -> "deploy".equals(s.busy()) ? s.withBusy(null) : s);
    }
  }

  static DeployOptions options(CommandArgs args) {
    DeployArgs a = args.as(DeployArgs.class);
    DeployOptions o = DeployOptions.local().withSuspendFlux(Boolean.TRUE.equals(a.suspendFlux()))
        .withWaitReady(!Boolean.TRUE.equals(a.noWait())).withDevTransform(!Boolean.TRUE.equals(a.noDevTransform()))
        .withService(a.service());
    if (a.timeoutSeconds() != null) {
      o = o.withTimeout(Duration.ofMillis((long) (a.timeoutSeconds() * 1000)));
    }
    return o;
  }
}
