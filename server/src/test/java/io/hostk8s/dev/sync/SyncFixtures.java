package io.hostk8s.dev.sync;

import static org.junit.jupiter.api.Assertions.fail;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.testbed.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** A workspace with a copy of the vote service and the manifests of vote + redis; engines over it; tree hashes. */
public final class SyncFixtures {
  public static final String NS = "sample-app";

  private SyncFixtures() {}

  public static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/k8s/local"))) {
        return p;
      }
    }
    throw new IllegalStateException("voting-app/k8s/local not found above " + Path.of("").toAbsolutePath());
  }

  /** The vote code (without caches) and the namespace, redis and vote manifests copied into {@code ws}. */
  public static Path voteWorkspace(Path ws) {
    requireTools();
    try {
      Path manifests = Files.createDirectories(ws.resolve("voting-app/k8s/local"));
      for (String f : List.of("00-namespace.yaml", "redis.yaml", "vote.yaml")) {
        Files.copy(repo().resolve("voting-app/k8s/local").resolve(f), manifests.resolve(f));
      }
      copyTree(repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ws;
  }

  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String name = dir.getFileName().toString();
        if (name.equals("__pycache__") || name.equals(".pytest_cache")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()));
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** redis-server and Debian's python3 with flask + debugpy run the pods: missing fails under CI=true, else skips. */
  static void requireTools() {
    boolean redis = Stream.of("/usr/bin/redis-server", "/usr/local/bin/redis-server").anyMatch(p -> Files.isExecutable(Path.of(p)));
    boolean python = Files.isExecutable(Path.of("/usr/bin/python3"));
    if (!redis || !python) {
      String reason = "the sync sandbox tests need redis-server and /usr/bin/python3 with flask and debugpy (.ci/install-deps)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: required)");
      }
      Assumptions.abort(reason);
    }
  }

  public static EngineServices engine(Path ws, Path kubeconfig) {
    return new EngineServices(new Workspace(ws, Map.of(), kubeconfig), new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()),
        (spec, lines, progress) -> {
          throw new IllegalStateException("sync runs no external process");
        });
  }

  public static DeployResult deploy(EngineServices engine) throws InterruptedException {
    DeployResult r = DeployService.deploy(engine, Map.of(), DeployOptions.local().withTimeout(Duration.ofSeconds(240)), Progress.NONE);
    if (!r.ready()) {
      throw new IllegalStateException("vote + redis not ready: " + r.services());
    }
    return r;
  }

  /** The single running vote pod's name. */
  public static String votePod(Sandbox sandbox) {
    return sandbox.client().pods().inNamespace(NS).withLabel("app", "vote").list().getItems().stream()
        .filter(PodLocator::running).map(p -> p.getMetadata().getName()).findFirst().orElseThrow();
  }

  /** path → sha256 of every file below {@code root} that the vote sync rule syncs (its ignore model decides). */
  public static Map<String, String> tree(Path root, IgnoreModel ignore) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(f).toString();
        if (!ignore.ignored(rel, false)) {
          out.put(rel, sha256(f));
        }
      }
    }
    return out;
  }

  static String sha256(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(in.readAllBytes());
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static boolean await(BooleanSupplier cond, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return cond.getAsBoolean();
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** GET through the vote Service's kube-proxy port: "status body", or "error: …". */
  public static String get(Sandbox sandbox, String path) {
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() + " " + r.body();
    } catch (IOException e) {
      return "error: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "error: interrupted";
    }
  }
}
