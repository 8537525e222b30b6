package io.hostk8s.dev.command;

import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import io.hostk8s.dev.protocol.commands.Arguments;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import java.util.List;

/** Commands as {@code hostk8s/commands} describes them: SERVICE arguments offer the current configuration's services. */
public final class CommandDescriptions {
  private CommandDescriptions() {}

  public static List<CommandDescription> of(List<Command> commands, List<String> services) {
    return of(commands, services, services);
  }

  /** {@code debuggable}: the services with a debugger, offered for DEBUG_SERVICE arguments. */
  public static List<CommandDescription> of(List<Command> commands, List<String> services, List<String> debuggable) {
    return commands.stream().map(c -> of(c, services, debuggable)).toList();
  }

  public static CommandDescription of(Command c, List<String> services, List<String> debuggable) {
    List<ArgumentDescription> args = Arguments.describe(c.arguments()).stream()
        .map(a -> a.kind() == ArgumentKind.SERVICE ? a.withChoices(services)
            : a.kind() == ArgumentKind.DEBUG_SERVICE ? a.withChoices(debuggable) : a).toList();
    return new CommandDescription(c.id(), c.title(), c.category(), c.longRunning(), args, c.view());
  }
}
