package io.hostk8s.dev.build;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** External tools for the build tests: missing ones fail the test when CI=true and skip it otherwise. */
public final class Tools {
  private Tools() {}

  public static Path require(String name, String... candidates) {
    Optional<Path> found = find(name, candidates);
    if (found.isEmpty()) {
      unavailable(name + " not found (apt-get install it; .ci/install-deps lists it)");
    }
    return found.orElseThrow();
  }

  static Optional<Path> find(String name, String... candidates) {
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return Optional.of(Path.of(c));
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, name);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Fails under CI=true, skips otherwise. */
  public static void unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(reason + " (CI=true: required)");
    }
    Assumptions.abort(reason);
  }
}
