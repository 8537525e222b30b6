package io.hostk8s.intellij.core.debug;

import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import java.util.List;
import java.util.Optional;

/** The services a HostK8s debug session can attach to: the DEBUG_SERVICE choices of {@code hostk8s.debug.endpoint}. */
public final class DebugChoices {
  private DebugChoices() {}

  /** The services with a debugger; empty when the server does not describe the endpoint command. */
  public static Optional<List<String>> debuggable(CommandCatalog catalog) {
    return catalog.get(CommandIds.DEBUG_ENDPOINT).flatMap(d -> d.arguments().stream()
        .filter(a -> a.kind() == ArgumentKind.DEBUG_SERVICE).findFirst()).map(ArgumentDescription::choices);
  }

  /** Why {@code service} cannot be debugged (the VS Code message), or null when it can or the server did not say. */
  public static String problem(String service, Optional<List<String>> debuggable) {
    if (debuggable.isEmpty() || debuggable.get().contains(service)) {
      return null;
    }
    String which = debuggable.get().isEmpty() ? "no service has one yet"
        : "services you can debug: " + String.join(", ", debuggable.get());
    return "HostK8s: \"" + service + "\" has no debugger in hostk8s.dev.yaml (" + which + ").";
  }
}
