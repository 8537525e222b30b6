package io.hostk8s.dev.forward;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.deploy.DeployOptions;
import io.hostk8s.dev.deploy.DeployResult;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.protocol.EngineInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A workspace with part of the voting app's local manifests, an engine over it, and HTTP through forwards. */
public final class ForwardFixtures {
  public static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private ForwardFixtures() {}

  public static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/k8s/local"))) {
        return p;
      }
    }
    throw new IllegalStateException("voting-app/k8s/local not found above " + Path.of("").toAbsolutePath());
  }

  /** {@code ws}/voting-app/k8s/local with the namespace and the given manifests (e.g. vote.yaml, redis.yaml). */
  public static Path workspace(Path ws, List<String> manifests) {
    Path src = repo().resolve("voting-app/k8s/local");
    Path dst = ws.resolve("voting-app/k8s/local");
    try {
      Files.createDirectories(dst);
      Files.copy(src.resolve("00-namespace.yaml"), dst.resolve("00-namespace.yaml"));
      for (String m : manifests) {
        Files.copy(src.resolve(m), dst.resolve(m));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ws;
  }

  /** Copies a directory tree (e.g. voting-app/vote into a test workspace). */
  public static void copyTree(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path dst = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dst);
        } else {
          Files.copy(p, dst);
        }
      }
    }
  }

  public static EngineServices engine(Path ws, Path kubeconfig) {
    return engine(ws, kubeconfig, Map.of());
  }

  /** An engine whose workspace environment is {@code env} (e.g. HOSTK8S_PYTHON). */
  public static EngineServices engine(Path ws, Path kubeconfig, Map<String, String> env) {
    return new EngineServices(new Workspace(ws, env, kubeconfig),
        new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()), new SystemProcessRunner());
  }

  /** {@code ws} with redis and vote's manifests, an engine over it (workspace env {@code env}), both deployed and ready. */
  public static EngineServices voteAndRedisDeployed(Path ws, Path kubeconfig, Map<String, String> env) throws Exception {
    EngineServices engine = engine(workspace(ws, List.of("redis.yaml", "vote.yaml")), kubeconfig, env);
    deploy(engine);
    return engine;
  }

  /** Deploys the workspace's manifests and waits until every service is ready. */
  public static DeployResult deploy(EngineServices engine) throws Exception {
    DeployResult r = DeployService.deploy(engine, Map.of(), DeployOptions.local().withTimeout(Duration.ofSeconds(240)), Progress.NONE);
    if (!r.ready()) {
      throw new IllegalStateException("not ready: " + r.services());
    }
    return r;
  }

  /** GET http://127.0.0.1:port/path; the response or the exception's message as a 0 status. */
  public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static boolean await(java.util.function.BooleanSupplier cond, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return cond.getAsBoolean();
  }
}
