package io.hostk8s.dev.testbed.digitalocean;

import io.hostk8s.dev.testbed.Daemon;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code digitalocean run|up|down}: the stand-in in the foreground, detached (prints its base URL as the last
 * line), or stopped with every cluster sandbox and pod process it started.
 */
public final class StandInCli {

  public static final String OPTIONS = "[--state-dir DIR (.hostk8s/digitalocean)] [--workspace DIR] [--port N] "
      + "[--page-size N (20)] [--provision-seconds S (3)] [--droplet-limit N (25)] [--registry-host HOST] "
      + "[--registry-auth USER:PASS]";
  private static final Set<String> KNOWN = Set.of("state-dir", "workspace", "port", "page-size", "provision-seconds",
      "droplet-limit", "registry-host", "registry-auth");

  private StandInCli() {
  }

  public static int run(String command, Map<String, String> opts, PrintStream out, PrintStream err) {
    for (String k : opts.keySet()) {
      if (!KNOWN.contains(k)) {
        err.println("unknown option --" + k + "; options: " + OPTIONS);
        return 2;
      }
    }
    Path state = Path.of(opts.getOrDefault("state-dir", ".hostk8s/digitalocean")).toAbsolutePath();
    Daemon daemon = new Daemon(state, "digitalocean");
    try {
      switch (command) {
        case "run":
          return daemon.serve(() -> {
            DigitalOceanStandIn standIn = DigitalOceanStandIn.start(options(opts, state));
            return new Daemon.Service() {
              @Override
              public String url() {
                return standIn.baseUrl();
              }

              @Override
              public void close() {
                standIn.close();
              }
            };
          });
        case "up":
          options(opts, state);
          List<String> args = new ArrayList<>(List.of("digitalocean", "run", "--state-dir", state.toString()));
          opts.forEach((k, v) -> {
            if (!"state-dir".equals(k)) {
              args.addAll(List.of("--" + k, v));
            }
          });
          Optional<String> url = daemon.up(args, out, err);
          url.ifPresent(out::println);
          return url.isPresent() ? 0 : 1;
        case "down":
          return daemon.down(out, err);
        default:
          err.println("usage: digitalocean run|up|down " + OPTIONS);
          return 2;
      }
    } catch (Exception e) {
      err.println("digitalocean " + command + " failed: " + e.getMessage());
      return 1;
    }
  }

  /** The options from the command line (validated, so {@code up} fails fast on a typo). */
  static DigitalOceanStandInOptions options(Map<String, String> opts, Path state) {
    Path workspace = Path.of(opts.getOrDefault("workspace", ".")).toAbsolutePath();
    DigitalOceanStandInOptions o = DigitalOceanStandInOptions.of(workspace, state)
        .withPort(Integer.parseInt(opts.getOrDefault("port", "0")))
        .withPageSize(Integer.parseInt(opts.getOrDefault("page-size", "20")))
        .withProvisionSeconds(Double.parseDouble(opts.getOrDefault("provision-seconds", "3")))
        .withDropletLimit(Integer.parseInt(opts.getOrDefault("droplet-limit", "25")));
    if (opts.containsKey("registry-host") || opts.containsKey("registry-auth")) {
      o = o.withRegistry(opts.getOrDefault("registry-host", o.registryHost()),
          opts.getOrDefault("registry-auth", o.registryAuth()));
    }
    return o;
  }
}
