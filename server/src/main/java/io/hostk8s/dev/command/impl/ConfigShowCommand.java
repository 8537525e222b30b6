package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.config.ConfigProblem;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.LoadedConfig;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.ResultView;
import java.util.List;

/** {@code hostk8s.config.show}: the effective configuration (file + defaults + .env), its source and problems. */
public final class ConfigShowCommand implements Command {
  /** What the command returns. */
  public record Effective(String workspace, String configFile, String kubeconfig, DevConfig config, List<ConfigProblem> problems) {}

  @Override
  public String id() {
    return CommandIds.CONFIG_SHOW;
  }

  @Override
  public String title() {
    return "Show the effective configuration";
  }

  @Override
  public String category() {
    return "Status";
  }

  @Override
  public ResultView view() {
    return ResultView.document("Configuration of {workspace}");
  }

  @Override
  public Object run(CommandContext ctx) {
    ctx.engine().workspace().reload();
    LoadedConfig lc = ctx.engine().workspace().config();
    return new Effective(lc.workspace().toString(), lc.configFile().map(Object::toString).orElse(null),
        String.valueOf(ctx.engine().workspace().kubeconfig()), lc.config(), lc.problems());
  }
}
