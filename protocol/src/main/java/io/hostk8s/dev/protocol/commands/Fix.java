package io.hostk8s.dev.protocol.commands;

import java.util.List;

/**
 * An action that fixes a problem, as a client offers it (a button on the error or result notification): run the
 * server command {@code command} with {@code arguments} (the command's argument object, or none).
 *
 * @param title     the button's text, e.g. "Start Sandbox"
 * @param command   a server command id of {@link CommandIds#server()}
 * @param arguments the arguments of {@code workspace/executeCommand}: empty, or one argument object
 */
public record Fix(String title, String command, List<Object> arguments) {
  public Fix {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  public static Fix of(String title, String command) {
    return new Fix(title, command, List.of());
  }

  public static final Fix START_SANDBOX = of("Start Sandbox", CommandIds.SANDBOX_UP);
  public static final Fix START_CLUSTER = of("Start Cluster", CommandIds.CLUSTER_START);
  public static final Fix DOCTOR = of("Run Doctor", CommandIds.DOCTOR);
  public static final Fix DEPLOY = of("Deploy", CommandIds.DEPLOY);
  public static final Fix STATUS = of("Show Status", CommandIds.STATUS);
}
