package io.hostk8s.dev.debug.java;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * What the worker + vote sandbox tests need: the built worker jar, redis-server, Postgres (initdb + pg_ctl) and
 * Debian's python3 with debugpy, flask and redis. Missing ones fail under CI=true, else the test is skipped.
 */
public final class WorkerTools {
  private WorkerTools() {}

  public static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/worker/src/main/java"))) {
        return p;
      }
    }
    throw new IllegalStateException("voting-app not found above " + Path.of("").toAbsolutePath());
  }

  public static void require() throws Exception {
    List<String> missing = new ArrayList<>();
    if (!Files.isRegularFile(repo().resolve("voting-app/worker/target/hostk8s-worker.jar"))) {
      missing.add("the worker jar (mvn -o -q -pl voting-app/worker package -DskipTests)");
    }
    if (!Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
      missing.add("redis-server");
    }
    if (!hasPostgres()) {
      missing.add("postgresql (initdb, pg_ctl)");
    }
    Process p = Files.isExecutable(Path.of("/usr/bin/python3"))
        ? new ProcessBuilder("/usr/bin/python3", "-c", "import debugpy, flask, redis").redirectErrorStream(true).start() : null;
    if (p == null || !p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      missing.add("python3-debugpy / python3-flask / python3-redis");
    }
    if (!missing.isEmpty()) {
      String reason = String.join(", ", missing) + " missing";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: required)");
      }
      Assumptions.abort(reason);
    }
  }

  private static boolean hasPostgres() throws Exception {
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return false;
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin")).anyMatch(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")));
    }
  }
}
