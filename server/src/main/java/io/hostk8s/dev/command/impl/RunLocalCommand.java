package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.dev.protocol.commands.args.RunLocalArgs;
import io.hostk8s.dev.run.LocalRuns;

/**
 * {@code hostk8s.run.local [{service, python?}]}: runs the service on the host under its debugger, with its dependencies
 * (e.g. vote → redis) forwarded from the cluster and its environment pointing at the forwards. Result
 * {@code {service, pid, url, debug: {host, port}, forwards, command, alreadyRunning}}; {@code debug} is the DAP
 * attach {@code target}. The process's output arrives as {@code hostk8s/log} lines with {@code pod: "local"}.
 * {@code python}: the interpreter for {@code {python}} when hostk8s.dev.yaml names none — the caller's
 * {@code HOSTK8S_PYTHON} (the CLI sends it, since the engine may run in another process with another environment).
 */
public final class RunLocalCommand implements Command {
  @Override
  public String id() {
    return CommandIds.RUN_LOCAL;
  }

  @Override
  public String title() {
    return "Run a service on the host against the cluster's dependencies";
  }

  @Override
  public boolean longRunning() {
    return true;
  }

  @Override
  public String category() {
    return "Run";
  }

  @Override
  public Class<? extends Record> arguments() {
    return RunLocalArgs.class;
  }

  @Override
  public ResultView view() {
    return ResultView.message("{service} runs on the host at {url}").withUrl("url").withDebug("attach");
  }

  @Override
  public Object run(CommandContext ctx) throws Exception {
    RunLocalArgs a = ctx.args().as(RunLocalArgs.class);
    String service = a.service();
    ctx.progress().begin("HostK8s: running " + service + " on the host");
    try {
      String python = a.python();
      Object result = LocalRuns.of(ctx.engine()).start(service, python, ctx.progress());
      ctx.progress().end(service + " running on the host");
      return result;
    } catch (RuntimeException | InterruptedException e) {
      ctx.progress().end("failed: " + e.getMessage());
      throw e;
    }
  }
}
