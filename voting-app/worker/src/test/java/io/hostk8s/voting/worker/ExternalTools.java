package io.hostk8s.voting.worker;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds redis-server and the Postgres binaries; missing tools fail the test when CI=true, else skip it. */
final class ExternalTools {
  private ExternalTools() {}

  static Path redisServer() {
    return require("redis-server", onPath("redis-server"));
  }

  /** A directory holding initdb and pg_ctl (PG_BIN, else the newest /usr/lib/postgresql/N/bin, else PATH). */
  static Path postgresBin() {
    List<Path> candidates = new ArrayList<>();
    String env = System.getenv("PG_BIN");
    if (env != null && !env.isBlank()) {
      candidates.add(Path.of(env));
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
            .forEach(candidates::add);
      } catch (java.io.IOException e) {
        // fall through to PATH
      }
    }
    onPath("pg_ctl").ifPresent(p -> candidates.add(p.getParent()));
    Optional<Path> found = candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")) && Files.isExecutable(dir.resolve("initdb")))
        .findFirst();
    return require("postgres (initdb, pg_ctl)", found);
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path require(String what, Optional<Path> found) {
    if (found.isPresent()) {
      return found.get();
    }
    String reason = what + " is not installed (run .ci/install-deps)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(reason + "; CI=true, so this is a failure, not a skip");
    }
    assumeTrue(false, "skipped: " + reason);
    throw new AssertionError("unreachable");
  }

  private static Optional<Path> onPath(String name) {
    List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
    dirs.addAll(List.of("/usr/local/bin", "/usr/bin", "/usr/sbin"));
    return dirs.stream()
        .filter(d -> !d.isBlank())
        .map(d -> Path.of(d, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  private static int versionOf(Path binDir) {
    try {
      return Integer.parseInt(binDir.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
