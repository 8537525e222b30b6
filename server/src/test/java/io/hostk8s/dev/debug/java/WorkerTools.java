package io.hostk8s.dev.debug.java;

import static org.junit.jupiter.api.Assertions.fail;

import io.hostk8s.dev.testbed.Sandbox;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  public static final String NS = "sample-app";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private WorkerTools() {}

  /** Applies namespace, redis, db, vote and worker from voting-app/k8s/local and waits until all are Ready. */
  public static void deployVotingApp(Sandbox sandbox) throws Exception {
    for (String f : List.of("00-namespace", "redis", "db", "vote", "worker")) {
      try (InputStream in = Files.newInputStream(repo().resolve("voting-app/k8s/local/" + f + ".yaml"))) {
        sandbox.client().load(in).serverSideApply();
      }
    }
    for (String app : List.of("redis", "db", "vote", "worker")) {
      sandbox.awaitReady(NS, "app=" + app, Duration.ofSeconds(240));
    }
  }

  /** POSTs a vote to the vote Service as {@code voter} (the voter_id cookie); fails unless it is answered 200. */
  public static void castVote(Sandbox sandbox, String voter, String choice) throws Exception {
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", "voter_id=" + voter).POST(HttpRequest.BodyPublishers.ofString("vote=" + choice)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("vote answered " + r.statusCode() + ": " + r.body());
    }
  }

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
