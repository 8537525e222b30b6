package io.hostk8s.dev.dap;

import io.hostk8s.dev.process.ListeningPorts;
import io.hostk8s.dev.process.ProcessTrees;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The vote app on this machine, as the pod runs it (Flask reloader under real debugpy, its code in a private copy),
 * with its own redis-server: for tests and the benchmark that compare against a direct debugpy connection.
 */
final class LocalVote implements AutoCloseable {
  final Path appDir;
  final int httpPort;
  final int debugPort;
  final int redisPort;
  private final List<Process> processes = new ArrayList<>();

  LocalVote(Path dir) throws IOException {
    appDir = dir.resolve("app");
    copy(VoteSandbox.repo().resolve("voting-app/vote"), appDir);
    httpPort = freePort();
    debugPort = freePort();
    redisPort = freePort();
    processes.add(new ProcessBuilder("/usr/bin/redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start());
    ProcessBuilder vote = new ProcessBuilder("/usr/bin/python3", "-m", "debugpy", "--listen", "127.0.0.1:" + debugPort,
        "-m", "flask", "run", "--host", "127.0.0.1", "--port", String.valueOf(httpPort), "--reload")
        .directory(appDir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("vote.log").toFile());
    vote.environment().put("FLASK_APP", "app");
    vote.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    vote.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    vote.environment().put("REDIS_HOST", "127.0.0.1");
    vote.environment().put("REDIS_PORT", String.valueOf(redisPort));
    processes.add(vote.start());
  }

  /** The hostk8s attach configuration for this app without a cluster: {@code target} + its own directory on both sides. */
  java.util.Map<String, Object> attachConfig() {
    java.util.Map<String, Object> config = new java.util.HashMap<>();
    config.put("type", "hostk8s");
    config.put("request", "attach");
    config.put("target", java.util.Map.of("host", "127.0.0.1", "port", debugPort));
    config.put("localRoot", appDir.toString());
    config.put("remoteRoot", appDir.toString());
    return config;
  }

  /** Waits until debugpy listens (from the socket tables: a bare connect would become debugpy's client). */
  void awaitListening(Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (!ListeningPorts.listening(debugPort).orElse(false)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("debugpy did not listen on " + debugPort);
      }
      Thread.sleep(50);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.toString().contains("__pycache__")) {
          Files.copy(p, t);
        }
      }
    }
  }

  @Override
  public void close() {
    processes.forEach(p -> ProcessTrees.kill(p.toHandle(), 3000));
  }
}
