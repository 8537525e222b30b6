package io.hostk8s.dev.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.cli.CliRunner;
import io.hostk8s.dev.up.UpWireTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One Ctrl-C — SIGINT to dev's whole process group, as a terminal sends it — ends {@code hostk8s-dev dev} in every
 * phase, and stops the sandbox (and every pod process) when dev started it; a sandbox that was running before dev
 * stays, and dev's last line says how to stop it. The workspace is a copy of the voting app in a fresh temp
 * directory (mode 0700, like a user's home), which also proves the sandbox works wherever the user cloned.
 */
class DevCtrlCWireTest {
  private static final long EXIT_BOUND_S = 10; // the product's aim is 5 s; measured figures go in the closing note
  private Path ws;

  @BeforeEach
  void workspace() throws IOException {
    ws = Files.createTempDirectory("hostk8s-ctrlc-"); // 0700
    copy(UpWireTest.repo().resolve("voting-app"), ws.resolve("voting-app"));
  }

  @AfterEach
  void cleanUp() throws Exception {
    CliRunner.run(ws, env(), "sandbox", "down", "--workspace", ws.toString());
    try (Stream<Path> all = Files.walk(ws)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void ctrlCWhileWaitingForTheRolloutStopsDevAndTheSandboxItStarted() throws Exception {
    // a Deployment that never becomes ready holds dev in the rollout wait
    Files.writeString(ws.resolve("voting-app/k8s/local/zz-never-ready.yaml"), NEVER_READY);
    try (CliProcess dev = DevProcess.start(ws)) {
      dev.await(l -> l.contains("rollout:") && l.contains("never"), 120);
      List<ProcessHandle> pods = podProcesses();
      double seconds = ctrlC(dev);
      assertThat(seconds).as(dev.transcript()).isLessThan(EXIT_BOUND_S);
      assertThat(dev.transcript()).contains("the sandbox it started and its pods are stopped too");
      assertNothingLeft(pods, dev);
    }
  }

  @Test
  void ctrlCInTheRunningLoopStopsDevAndTheSandboxItStarted() throws Exception {
    try (CliProcess dev = DevProcess.start(ws)) {
      dev.await(l -> l.contains("Ctrl-C to stop"), 180);
      List<ProcessHandle> pods = podProcesses();
      assertThat(pods).as("pod processes while dev runs").isNotEmpty();
      double seconds = ctrlC(dev);
      assertThat(seconds).as(dev.transcript()).isLessThan(EXIT_BOUND_S);
      assertThat(dev.transcript()).contains("the sandbox it started and its pods are stopped too");
      assertNothingLeft(pods, dev);
    }
  }

  @Test
  void ctrlCWhileTheSandboxStartsLeavesNoSandbox() throws Exception {
    try (CliProcess dev = DevProcess.start(ws)) {
      dev.await(l -> l.contains("cluster: starting the sandbox"), 60);
      double seconds = ctrlC(dev);
      assertThat(seconds).as(dev.transcript()).isLessThan(EXIT_BOUND_S);
      Thread.sleep(500);
      assertThat(DevProcess.sandbox(ws)).as("sandbox after Ctrl-C during its start:\n%s", dev.transcript()).isEmpty();
    }
  }

  @Test
  void aSandboxRunningBeforeDevKeepsRunningAndDevSaysHowToStopIt() throws Exception {
    var up = CliRunner.run(ws, env(), "sandbox", "up", "--workspace", ws.toString());
    assertThat(up.exit()).as(up.err()).isZero();
    ProcessHandle sandbox = DevProcess.sandbox(ws).orElseThrow();
    try (CliProcess dev = DevProcess.start(ws)) {
      dev.await(l -> l.contains("Ctrl-C to stop"), 180);
      double seconds = ctrlC(dev);
      assertThat(seconds).as(dev.transcript()).isLessThan(EXIT_BOUND_S);
      assertThat(dev.transcript()).contains("keeps running").contains("./hostk8s-dev sandbox down");
      assertThat(sandbox.isAlive()).as("the sandbox dev did not start was stopped:\n%s", dev.transcript()).isTrue();
    }
  }

  /** Sends Ctrl-C to dev's process group; returns the seconds until dev exited. */
  private static double ctrlC(CliProcess dev) throws Exception {
    long t0 = System.nanoTime();
    dev.interruptGroup();
    boolean exited = dev.process.waitFor(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(exited).as("dev still running 60 s after Ctrl-C:\n%s", dev.transcript()).isTrue();
    assertThat(dev.process.exitValue()).as(dev.transcript()).isNotZero(); // 130: ended by SIGINT
    System.err.printf("dev exited %.2f s after Ctrl-C%n", seconds);
    return seconds;
  }

  private List<ProcessHandle> podProcesses() {
    return DevProcess.sandbox(ws).map(s -> s.descendants().toList()).orElse(List.of());
  }

  private void assertNothingLeft(List<ProcessHandle> pods, CliProcess dev) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < deadline && (pods.stream().anyMatch(ProcessHandle::isAlive) || DevProcess.sandbox(ws).isPresent())) {
      Thread.sleep(100);
    }
    assertThat(DevProcess.sandbox(ws)).as("sandbox still running:\n%s", dev.transcript()).isEmpty();
    assertThat(pods.stream().filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList())
        .as("pod processes left:\n%s", dev.transcript()).isEmpty();
  }

  private static Map<String, String> env() {
    return Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path rel = from.relativize(p);
        String r = rel.toString().replace('\\', '/');
        if (r.startsWith(".run-local") || r.contains("__pycache__") || (r.startsWith("worker/target/") && !r.equals("worker/target/hostk8s-worker.jar"))) {
          continue;
        }
        Path target = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  private static final String NEVER_READY = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: never, namespace: sample-app, labels: { app: never } }
      spec:
        replicas: 1
        selector: { matchLabels: { app: never } }
        template:
          metadata: { labels: { app: never } }
          spec:
            containers:
              - name: never
                image: python-http
                ports: [{ name: http, containerPort: 8000 }]
                readinessProbe: { httpGet: { path: /never-ready, port: http }, periodSeconds: 1 }
      """;
}
