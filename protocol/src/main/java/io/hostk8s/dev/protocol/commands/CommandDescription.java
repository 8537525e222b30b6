package io.hostk8s.dev.protocol.commands;

import java.util.List;

/**
 * A command as the server describes it ({@code hostk8s/commands}): clients build palette entries, argument prompts
 * and result messages from this and nothing else.
 *
 * @param category     palette group, e.g. {@code Cluster}, {@code Sync}
 * @param longRunning  reports {@code $/progress} and can be cancelled
 */
public record CommandDescription(String id, String title, String category, boolean longRunning,
    List<ArgumentDescription> arguments, ResultView result) {
  public CommandDescription {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }
}
