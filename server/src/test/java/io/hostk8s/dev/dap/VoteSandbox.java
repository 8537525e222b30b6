package io.hostk8s.dev.dap;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Pod;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.testbed.Sandbox;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The vote service (Flask reloader under real debugpy) and Redis in a sandbox, and an engine over the voting app. */
final class VoteSandbox {
  static final String NS = "sample-app";
  static final String PY = "/usr/bin/python3";

  private VoteSandbox() {}

  static Path repo() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/vote"))) {
        return p;
      }
    }
    throw new IllegalStateException("voting-app/vote not found");
  }

  /** python3 with debugpy + flask + redis, and redis-server: missing ones fail under CI=true, skip otherwise. */
  static void requireTools() throws Exception {
    String missing = null;
    if (!Files.isExecutable(Path.of(PY))) {
      missing = PY;
    } else {
      Process p = new ProcessBuilder(PY, "-c", "import debugpy, flask, redis").redirectErrorStream(true).start();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        missing = "python3-debugpy / python3-flask / python3-redis";
      }
    }
    if (missing == null && !Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
      missing = "redis-server";
    }
    if (missing != null) {
      String reason = missing + " missing (apt-get install it; .ci/install-deps lists it)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason + " (CI=true: required)");
      }
      Assumptions.abort(reason);
    }
  }

  /** Applies namespace, redis and vote; returns the Ready vote pod's name. */
  static String deploy(Sandbox sandbox) throws IOException {
    apply(sandbox, "00-namespace.yaml", "redis.yaml", "vote.yaml");
    return votePod(sandbox);
  }

  /** Applies files of voting-app/k8s/local. */
  static void apply(Sandbox sandbox, String... files) throws IOException {
    for (String f : files) {
      try (InputStream in = new FileInputStream(repo().resolve("voting-app/k8s/local/" + f).toFile())) {
        sandbox.client().load(in).serverSideApply();
      }
    }
  }

  static String votePod(Sandbox sandbox) {
    List<Pod> pods = sandbox.awaitReady(NS, "app=vote", Duration.ofSeconds(180));
    return pods.get(0).getMetadata().getName();
  }

  /** An engine over the repository's voting app (config defaults), pointed at the sandbox. */
  static EngineServices engine(Path ws, Sandbox sandbox) {
    Workspace workspace = new Workspace(ws, Map.of(), sandbox.kubeconfigPath());
    return new EngineServices(workspace, new EngineInfo("owner", "test", ProcessHandle.current().pid(), ws.toString()),
        (spec, lines, progress) -> {
          throw new IllegalStateException("debugging runs no external process");
        });
  }

  /** The line of {@code needle} in voting-app/vote/app.py (1-based). */
  static int line(String needle) throws IOException {
    List<String> lines = Files.readAllLines(repo().resolve("voting-app/vote/app.py"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new IllegalStateException(needle + " not in app.py");
  }
}
