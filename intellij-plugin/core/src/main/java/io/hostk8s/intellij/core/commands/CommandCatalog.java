package io.hostk8s.intellij.core.commands;

import io.hostk8s.dev.protocol.ClusterStatus;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server commands the plugin offers: announced ({@code executeCommandProvider.commands}) and described
 * ({@code hostk8s/commands}), in the server's order. The Tools → HostK8s actions are generated from it at runtime:
 * one action per command, with the server's title, id {@link #actionId}.
 */
public final class CommandCatalog {
  /** Prefix of the generated actions' ids (Find Action lists them under the server's titles). */
  public static final String ACTION_PREFIX = "HostK8s.Command.";
  /** Commands the server names (code lenses) but the client runs: never announced, registered as actions. */
  public static final List<String> CLIENT_COMMANDS = List.of(CommandIds.CLIENT_DEBUG_SERVICE, CommandIds.CLIENT_RUN);

  private final Map<String, CommandDescription> commands;

  private CommandCatalog(Map<String, CommandDescription> commands) {
    this.commands = commands;
  }

  public static CommandCatalog empty() {
    return new CommandCatalog(Map.of());
  }

  public static CommandCatalog of(Collection<String> announced, List<CommandDescription> described) {
    Set<String> ids = Set.copyOf(announced);
    Map<String, CommandDescription> m = new LinkedHashMap<>();
    for (CommandDescription d : described == null ? List.<CommandDescription>of() : described) {
      if (d != null && ids.contains(d.id())) {
        m.putIfAbsent(d.id(), d);
      }
    }
    return new CommandCatalog(java.util.Collections.unmodifiableMap(m));
  }

  public List<CommandDescription> commands() {
    return List.copyOf(commands.values());
  }

  public Optional<CommandDescription> get(String id) {
    return Optional.ofNullable(commands.get(id));
  }

  public boolean offers(String id) {
    return commands.containsKey(id);
  }

  public static String actionId(String commandId) {
    return ACTION_PREFIX + commandId;
  }

  /** The server command behind a generated action id, or null. */
  public static String commandOf(String actionId) {
    return actionId != null && actionId.startsWith(ACTION_PREFIX) ? actionId.substring(ACTION_PREFIX.length()) : null;
  }

  /** Commands by the server's category ("Cluster", "Sync"…): the submenus of Tools → HostK8s. */
  public Map<String, List<CommandDescription>> byCategory() {
    Map<String, List<CommandDescription>> m = new LinkedHashMap<>();
    for (CommandDescription d : commands.values()) {
      m.computeIfAbsent(d.category() == null ? "Other" : d.category(), k -> new java.util.ArrayList<>()).add(d);
    }
    return m;
  }

  /** What the server's status says the target is; Stop Cluster is not offered on the sandbox (as in VS Code). */
  public boolean appliesTo(String commandId, String target) {
    return !(CommandIds.CLUSTER_STOP.equals(commandId) && ClusterStatus.SANDBOX.equals(target));
  }
}
