package io.hostk8s.dev.testbed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** External-tool checks: with CI=true a missing tool fails the test, otherwise it skips it with the reason. */
public final class Tools {

  private Tools() {
  }

  /** The executable {@code name} on this JVM's PATH, or a path that does not exist (for {@link #require}). */
  static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    return Path.of("(" + name + " on PATH)");
  }

  public static void require(Path... paths) {
    List<String> missing = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        missing.add(p.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String msg = "missing: " + missing + " (`make setup` installs them; the worker jar: "
        + "`mvn -pl voting-app/worker package`)";
    if ("true".equals(System.getenv("CI"))) {
      Assertions.fail(msg);
    }
    Assumptions.abort(msg);
  }
}
