package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.controller.PodEnv;
import io.hostk8s.dev.testbed.digitalocean.StandInCli;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line: {@code run} (foreground), {@code up} (detached, prints the kubeconfig path last), {@code down}
 * and {@code preflight} (what this host lacks to run the recipes' pods). Options: {@code --workspace DIR},
 * {@code --state-dir DIR}, {@code --port N}; flag {@code --json} (preflight).
 * {@code digitalocean run|up|down} does the same for the DigitalOcean API stand-in ({@code up} prints its base
 * URL last; see {@link io.hostk8s.dev.testbed.digitalocean.StandInCli} for its options).
 */
public final class SandboxMain {

  private static final Set<String> FLAGS = Set.of("json");

  private SandboxMain() {
  }

  public static void main(String[] args) {
    // UTF-8 whatever the locale: preflight's lines contain an em dash
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      return usage(err);
    }
    boolean digitalocean = "digitalocean".equals(args[0]);
    if (digitalocean && args.length < 2) {
      return usage(err);
    }
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = digitalocean ? 2 : 1; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (FLAGS.contains(name)) {
        opts.put(name, "true");
      } else if (!name.isEmpty() && !FLAGS.contains(name) && i + 1 < args.length) {
        opts.put(name, args[++i]);
      } else {
        err.println("unexpected argument: " + args[i]);
        return usage(err);
      }
    }
    if (digitalocean) {
      return StandInCli.run(args[1], opts, out, err);
    }
    Path state = Path.of(opts.getOrDefault("state-dir", ".hostk8s/sandbox")).toAbsolutePath();
    Path workspace = Path.of(opts.getOrDefault("workspace", ".")).toAbsolutePath();
    try {
      int port = Integer.parseInt(opts.getOrDefault("port", "0"));
      return switch (args[0]) {
        case "run" -> SandboxDaemon.runForeground(workspace, state, port);
        case "up" -> SandboxDaemon.up(workspace, state, port, out, err);
        case "down" -> SandboxDaemon.down(state, out, err);
        case "preflight" -> PreflightCli.run(workspace, opts.containsKey("json"),
            PodEnv.inheritedFrom(System.getenv()), out);
        default -> usage(err);
      };
    } catch (Exception e) {
      err.println("sandbox " + args[0] + " failed: " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err) {
    err.println("usage: SandboxMain run|up|down|preflight [--workspace DIR] [--state-dir DIR] [--port N] [--json]");
    err.println("       SandboxMain digitalocean run|up|down " + StandInCli.OPTIONS);
    return 2;
  }
}
