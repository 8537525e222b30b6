package io.hostk8s.dev.testbed.recipes;

import io.hostk8s.dev.testbed.recipes.Requirement.Unmet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each {@code run-local.sh service NAME} needs, found the way run-local.sh finds it: redis-server on PATH;
 * the Postgres binaries ({@code pg_bindir}); the python of {@code RUN_LOCAL_PYTHON} (else /usr/bin/python3)
 * with flask, redis, debugpy and watchdog; node 20+ and result's node_modules; java and the worker jar.
 */
final class VotingAppRequirements {

  static final String PYTHON = "/usr/bin/python3";
  static final List<String> MODULES = List.of("flask", "redis", "debugpy", "watchdog");
  private static final String APT = "apt-get install -y ";
  private static final String NODE_MODULES = "voting-app/result/node_modules";
  private static final String WORKER_JAR = "voting-app/worker/target/hostk8s-worker.jar";
  /** Prints each module of argv that cannot be imported; one python process for all of them. */
  private static final String IMPORT_SCRIPT = "import importlib, sys\n"
      + "for m in sys.argv[1:]:\n"
      + "    try:\n"
      + "        importlib.import_module(m)\n"
      + "    except Exception:\n"
      + "        print(m)\n";

  private VotingAppRequirements() {
  }

  static List<Requirement> of(String service) {
    return switch (service) {
      case "redis" -> List.of(Requirement.onPath(service, "redis-server", APT + "redis-server"));
      case "db" -> List.of(new Requirement("postgres", service, VotingAppRequirements::postgres));
      case "vote" -> List.of(new Requirement("python3 modules", service, VotingAppRequirements::python));
      case "result" -> List.of(new Requirement("node", service, VotingAppRequirements::node),
          new Requirement("node_modules", service, host -> Files.isDirectory(host.workspace().resolve(NODE_MODULES))
              ? List.of() : List.of(new Unmet(NODE_MODULES, "cd voting-app/result && npm ci"))));
      case "worker" -> List.of(Requirement.onPath(service, "java", APT + "openjdk-17-jre-headless"),
          new Requirement("worker jar", service, host -> Files.isRegularFile(host.workspace().resolve(WORKER_JAR))
              ? List.of() : List.of(new Unmet(WORKER_JAR, "mvn -q -B -pl voting-app/worker -am package -DskipTests"))));
      default -> List.of();
    };
  }

  /** run-local.sh's pg_bindir: the newest /usr/lib/postgresql/N/bin/postgres, else postgres on PATH. */
  private static List<Unmet> postgres(HostEnv host) throws IOException {
    Path lib = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(lib)) {
      try (Stream<Path> versions = Files.list(lib)) {
        if (versions.map(v -> v.resolve("bin/postgres")).anyMatch(Files::isExecutable)) {
          return List.of();
        }
      }
    }
    return host.which("postgres").isPresent() ? List.of() : List.of(new Unmet("postgres", APT + "postgresql"));
  }

  private static List<Unmet> python(HostEnv host) throws IOException, InterruptedException {
    String py = host.env().getOrDefault("RUN_LOCAL_PYTHON", PYTHON);
    boolean debian = PYTHON.equals(py);
    Optional<Path> exe = host.which(py);
    if (exe.isEmpty()) {
      String fix = debian ? APT + "python3 " + String.join(" ", MODULES.stream().map(m -> "python3-" + m).toList())
          : "point RUN_LOCAL_PYTHON at an installed python3 (or unset it to use " + PYTHON + ")";
      return List.of(new Unmet(py, fix));
    }
    List<String> cmd = new ArrayList<>(List.of(exe.get().toString(), "-c", IMPORT_SCRIPT));
    cmd.addAll(MODULES);
    HostEnv.Output out = host.run(cmd);
    if (out.exitCode() != 0) {
      String why = out.stderr().strip().lines().reduce((a, b) -> b).orElse("exit code " + out.exitCode());
      return List.of(new Unmet(py + " (does not run: " + why + ")", debian ? APT + "--reinstall python3"
          : "point RUN_LOCAL_PYTHON at a working python3"));
    }
    List<Unmet> missing = new ArrayList<>();
    for (String m : out.stdout().lines().map(String::strip).filter(MODULES::contains).toList()) {
      missing.add(new Unmet("python module " + m + " (for " + py + ")",
          debian ? APT + "python3-" + m : py + " -m pip install " + m));
    }
    return missing;
  }

  private static List<Unmet> node(HostEnv host) throws IOException, InterruptedException {
    String fix = "install Node.js 20 or newer (https://nodejs.org, or your distribution's nodejs package)";
    Optional<Path> node = host.which("node");
    if (node.isEmpty()) {
      return List.of(new Unmet("node", fix));
    }
    String version = host.run(List.of(node.get().toString(), "--version")).stdout().strip();
    return parseMajor(version) >= 20 ? List.of()
        : List.of(new Unmet("node 20+ (found " + (version.isEmpty() ? "an unknown version" : version) + ")", fix));
  }

  private static int parseMajor(String version) {
    String digits = version.replaceFirst("^v", "").replaceFirst("\\..*$", "");
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
