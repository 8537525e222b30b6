package io.hostk8s.dev.command;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one table of commands. Front ends look commands up here; nothing else knows the ids. */
public final class CommandRegistry {
  private final Map<String, Command> commands = new LinkedHashMap<>();

  public CommandRegistry register(Command command) {
    if (commands.putIfAbsent(command.id(), command) != null) {
      throw new IllegalStateException("duplicate command " + command.id());
    }
    return this;
  }

  public Command get(String id) {
    Command c = commands.get(id);
    if (c == null) {
      throw HostK8sException.user(ErrorCode.UNKNOWN_COMMAND, "Unknown command '" + id + "'.",
          "Known commands: " + String.join(", ", ids()));
    }
    return c;
  }

  public List<String> ids() {
    return Collections.unmodifiableList(new ArrayList<>(commands.keySet()));
  }

  public List<Command> all() {
    return List.copyOf(commands.values());
  }
}
