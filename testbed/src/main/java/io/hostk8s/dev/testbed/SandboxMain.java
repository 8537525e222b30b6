package io.hostk8s.dev.testbed;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line: {@code run} (foreground), {@code up} (detached, prints the kubeconfig path last) and
 * {@code down}. Options: {@code --workspace DIR}, {@code --state-dir DIR}, {@code --port N}.
 */
public final class SandboxMain {

  private SandboxMain() {
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        err.println("unexpected argument: " + args[i]);
        return usage(err);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    Path state = Path.of(opts.getOrDefault("state-dir", ".hostk8s/sandbox")).toAbsolutePath();
    Path workspace = Path.of(opts.getOrDefault("workspace", ".")).toAbsolutePath();
    int port = Integer.parseInt(opts.getOrDefault("port", "0"));
    try {
      return switch (args[0]) {
        case "run" -> SandboxDaemon.runForeground(workspace, state, port);
        case "up" -> SandboxDaemon.up(workspace, state, port, out, err);
        case "down" -> SandboxDaemon.down(state, out, err);
        default -> usage(err);
      };
    } catch (Exception e) {
      err.println("sandbox " + args[0] + " failed: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err) {
    err.println("usage: SandboxMain run|up|down [--workspace DIR] [--state-dir DIR] [--port N]");
    return 2;
  }
}
