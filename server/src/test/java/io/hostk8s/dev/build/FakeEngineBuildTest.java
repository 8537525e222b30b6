package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BuildService against a Docker Engine API served by the test: what is sent, what is skipped, what is reported. */
class FakeEngineBuildTest {
  @TempDir Path root;
  private FakeDockerEngine engine;
  private Workspace workspace;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final RecordingProgress progress = new RecordingProgress();

  @BeforeEach
  void setUp() throws IOException {
    engine = new FakeDockerEngine();
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: %s, pull: localhost:5000 }
        cloud:
          digitalocean: { registry: "%s/team" }
        services:
          vote:
            context: app
            dockerfile: Dockerfile.dev
            image: hostk8s-vote
          worker: null
          result:
            context: app2
            dockerfile: Dockerfile
            image: hostk8s-result
        """.formatted(engine.registry(), engine.registry()));
    write("app/Dockerfile.dev", "FROM base\nCOPY . /app\n");
    write("app/Dockerfile.prod", "FROM base\nCOPY . /srv\n");
    write("app/.dockerignore", "Dockerfile*\n__pycache__\n**/*.pyc\n.venv/\n!keep.pyc\n");
    write("app/app.py", "print('vote')\n");
    write("app/templates/index.html", "<html></html>\n");
    write("app/__pycache__/app.cpython-311.pyc", "bytecode");
    write("app/templates/x.pyc", "bytecode");
    write("app/keep.pyc", "kept by an exception");
    write("app/.venv/bin/python", "venv");
    write("app2/Dockerfile", "FROM base\n");
    workspace = new Workspace(root, Map.of("DOCKER_HOST", engine.dockerHost()), null);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private void write(String rel, String content) throws IOException {
    Files.createDirectories(root.resolve(rel).getParent());
    Files.writeString(root.resolve(rel), content);
  }

  private BuildResult build(BuildOptions options) {
    return new BuildService().build(workspace, "vote", options, progress, log::add);
  }

  @Test
  void buildSendsTheIgnoredContextTagPlatformArgsAndForcermThenPushes() throws IOException {
    engine.streamDelayMs = 300; // longer than the builder's 200 ms poll: the stream must not be cut
    BuildResult result = build(BuildOptions.kind(BuildMode.DEV).withBuildArgs(Map.of("PIP_INDEX_URL", "http://mirror/simple")));

    String expectedTag = ContextHasher.tag(ContextHasher.hash(BuildContext.scan(root.resolve("app"), "Dockerfile.dev"),
        Map.of("PIP_INDEX_URL", "http://mirror/simple"), "linux/arm64"));
    assertThat(result.image().tag()).isEqualTo(expectedTag).matches("dev-[0-9a-f]{12}");
    assertThat(result.image().push()).isEqualTo(engine.registry() + "/hostk8s-vote:" + expectedTag);
    assertThat(result.image().inCluster()).isEqualTo("localhost:5000/hostk8s-vote:" + expectedTag);
    assertThat(result).extracting(BuildResult::cached, BuildResult::pushed, BuildResult::builder, BuildResult::recipe, BuildResult::platform)
        .containsExactly(false, true, "docker", "Dockerfile.dev", "linux/arm64");

    FakeDockerEngine.Request build = engine.requests("POST", "/build").get(0);
    assertThat(build.query()).containsEntry("t", result.image().push())
        .containsEntry("platform", "linux/arm64")
        .containsEntry("dockerfile", "Dockerfile.dev")
        .containsEntry("forcerm", "true");
    assertThat(build.query().getOrDefault("pull", "false")).isIn("false", "0", "");
    assertThat(build.query().get("buildargs")).contains("\"PIP_INDEX_URL\"").contains("http://mirror/simple");

    Map<String, String> tar = tarFiles(build.body());
    assertThat(tar.keySet()).containsExactlyInAnyOrder(".dockerignore", "Dockerfile.dev", "app.py", "keep.pyc", "templates/", "templates/index.html");
    assertThat(tar).containsEntry("app.py", "print('vote')\n").containsEntry("Dockerfile.dev", "FROM base\nCOPY . /app\n");

    assertThat(engine.requests("POST", "/images/" + engine.registry() + "/hostk8s-vote/push")).singleElement()
        .satisfies(r -> assertThat(r.query()).containsEntry("tag", expectedTag));
    assertThat(log).contains("Step 1/2 : FROM base", "Step 2/2 : COPY . /app");
    assertThat(progress.reports).anyMatch(r -> r.equals("vote: Step 2/2 : COPY . /app"));
  }

  @Test
  void buildAllBuildsEveryServiceInConfigOrder() {
    List<BuildResult> results = new BuildService().buildAll(workspace, BuildOptions.kind(BuildMode.DEV), progress, log::add);
    assertThat(results).extracting(BuildResult::service).containsExactly("vote", "result");
    assertThat(results.get(1).image().push()).startsWith(engine.registry() + "/hostk8s-result:dev-");
    assertThat(results.get(1).recipe()).isEqualTo("Dockerfile");
    assertThat(engine.requests("POST", "/build")).extracting(r -> r.query().get("t"))
        .containsExactly(results.get(0).image().push(), results.get(1).image().push());
  }

  @Test
  void unchangedContextIsNotRebuiltAndAChangeIsRebuiltUnderANewTag() throws IOException {
    BuildResult first = build(BuildOptions.kind(BuildMode.DEV));
    BuildResult again = build(BuildOptions.kind(BuildMode.DEV));
    assertThat(again.image()).isEqualTo(first.image());
    assertThat(again.cached()).isTrue();
    assertThat(again.pushed()).isFalse();
    assertThat(engine.requests("POST", "/build")).hasSize(1);

    write("app/templates/x.pyc", "ignored change");
    assertThat(build(BuildOptions.kind(BuildMode.DEV)).cached()).as("an ignored file changed").isTrue();

    write("app/app.py", "print('vote 2')\n");
    BuildResult changed = build(BuildOptions.kind(BuildMode.DEV));
    assertThat(changed.image().tag()).isNotEqualTo(first.image().tag());
    assertThat(changed.cached()).isFalse();
    assertThat(engine.requests("POST", "/build")).hasSize(2);
  }

  @Test
  void imageTheDaemonHasButTheRegistryLacksIsPushedWithoutBuilding() throws IOException {
    String tag = ContextHasher.tag(ContextHasher.hash(BuildContext.scan(root.resolve("app"), "Dockerfile.dev"), Map.of(), "linux/arm64"));
    engine.images.add(engine.registry() + "/hostk8s-vote:" + tag);
    BuildResult result = build(BuildOptions.kind(BuildMode.DEV));
    assertThat(result.cached()).isTrue();
    assertThat(result.pushed()).isTrue();
    assertThat(engine.requests("POST", "/build")).isEmpty();
    assertThat(engine.requests("POST", "/push")).hasSize(1);
  }

  @Test
  void prodForTheCloudUsesTheProdDockerfileAmd64AndPull() {
    BuildResult result = build(BuildOptions.cloud(BuildMode.PROD));
    FakeDockerEngine.Request build = engine.requests("POST", "/build").get(0);
    assertThat(build.query()).containsEntry("platform", "linux/amd64").containsEntry("dockerfile", "Dockerfile.prod")
        .containsEntry("pull", "true");
    assertThat(result.image().push()).startsWith(engine.registry() + "/team/hostk8s-vote:dev-");
    assertThat(result.image().inCluster()).isEqualTo(result.image().push());
    assertThat(engine.requests("GET", "/version")).as("a fixed platform needs no daemon query").isEmpty();
  }

  @Test
  void aFailedRunStepIsOneClearErrorNamingTheStepAndNothingIsPushed() {
    engine.buildStream = List.of(
        "{\"stream\":\"Step 1/3 : FROM base\\n\"}",
        "{\"stream\":\"Step 2/3 : RUN make -C /app\\n\"}",
        "{\"stream\":\"make: *** No targets.  Stop.\\n\"}",
        "{\"errorDetail\":{\"code\":2,\"message\":\"The command '/bin/sh -c make -C /app' returned a non-zero code: 2\"},"
            + "\"error\":\"The command '/bin/sh -c make -C /app' returned a non-zero code: 2\"}");
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BUILD_FAILED);
          assertThat(e.getMessage()).contains("vote").contains("Step 2/3 : RUN make -C /app").contains("non-zero code: 2");
          assertThat(e.suggestions()).isNotEmpty();
          assertThat(e.userError()).isTrue();
        });
    assertThat(log).contains("make: *** No targets.  Stop.");
    assertThat(engine.requests("POST", "/push")).isEmpty();
  }

  @Test
  void aMissingBaseImageWithoutPullSaysHowToProvideIt() {
    engine.buildStream = List.of(
        "{\"stream\":\"Step 1/2 : FROM python:3.12-slim\\n\"}",
        "{\"errorDetail\":{\"message\":\"pull access denied for python, repository does not exist or may require 'docker login'\"},"
            + "\"error\":\"pull access denied for python\"}");
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BASE_IMAGE_MISSING);
          assertThat(e.getMessage()).contains("FROM python:3.12-slim");
          assertThat(String.join(" ", e.suggestions())).contains("docker pull");
        });
  }

  @Test
  void podmansErrorForAnUnavailableBaseIsABaseImageProblemToo() {
    // the stream podman 4.3 sends for FROM localhost/not-here:1 (recorded from a real podman system service)
    engine.buildStream = List.of(
        "{\"stream\":\"STEP 1/2: FROM localhost/not-here:1\\n\"}",
        "{\"errorDetail\":{\"message\":\"creating build container: initializing source docker://localhost/not-here:1: pinging container "
            + "registry localhost: Get \\\"https://localhost/v2/\\\": dial tcp 127.0.0.1:443: connect: connection refused\"},"
            + "\"error\":\"creating build container\"}");
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BASE_IMAGE_MISSING);
          assertThat(e.getMessage()).contains("STEP 1/2: FROM localhost/not-here:1").contains("connection refused");
        });
  }

  @Test
  void aRegistryThatRefusesThePushIsAnAuthorizationError() {
    engine.pushStream = List.of("{\"status\":\"Preparing\",\"id\":\"abc\"}",
        "{\"errorDetail\":{\"message\":\"unauthorized: authentication required\"},\"error\":\"unauthorized: authentication required\"}");
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAUTHORIZED);
          assertThat(e.getMessage()).contains(engine.registry() + "/hostk8s-vote:dev-").contains("authentication required");
          assertThat(String.join(" ", e.suggestions())).contains("docker login " + engine.registry());
        });
  }

  @Test
  void pushRejectedByTheDaemonWithAnHttpError() {
    engine.pushHttpStatus = 500;
    engine.pushHttpMessage = "unauthorized: authentication required";
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAUTHORIZED));
    engine.pushHttpStatus = 404;
    engine.pushHttpMessage = "No such image";
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.DOCKER_API_ERROR);
          assertThat(e.getMessage()).contains("No such image").contains(engine.dockerHost());
        });
  }

  @Test
  void anUnreachableRegistryFailsBeforeBuilding() throws IOException {
    int closed;
    try (var s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    Files.writeString(root.resolve("hostk8s.dev.yaml"), Files.readString(root.resolve("hostk8s.dev.yaml"))
        .replace("push: " + engine.registry(), "push: localhost:" + closed));
    workspace.reload();
    assertThatThrownBy(() -> build(BuildOptions.kind(BuildMode.DEV)))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNREACHABLE);
          assertThat(e.getMessage()).contains("localhost:" + closed);
          assertThat(String.join(" ", e.suggestions())).contains("cluster start");
        });
    assertThat(engine.requests("POST", "/build")).isEmpty();
  }

  @Test
  void cancellingClosesTheBuildStream() throws Exception {
    engine.holdBuild = new java.util.concurrent.CountDownLatch(1);
    try {
      var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
      Thread t = new Thread(() -> {
        try {
          build(BuildOptions.kind(BuildMode.DEV));
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      t.start();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!log.contains("Step 1/9 : RUN sleep 1000") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(log).contains("Step 1/9 : RUN sleep 1000");
      long cancelAt = System.nanoTime();
      progress.cancel();
      t.join(10_000);
      assertThat(t.isAlive()).isFalse();
      System.out.printf("build cancel -> CANCELLED in %d ms%n", (System.nanoTime() - cancelAt) / 1_000_000);
      assertThat(failure.get()).isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
      assertThat(engine.buildDisconnected.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the daemon sees the client go").isTrue();
      assertThat(engine.requests("POST", "/push")).isEmpty();
    } finally {
      engine.holdBuild.countDown();
    }
  }

  @Test
  void cancellingDuringThePushStopsIt() throws Exception {
    engine.pushStream = java.util.stream.IntStream.range(0, 100)
        .mapToObj(i -> "{\"status\":\"Pushing layer " + i + "\",\"id\":\"l" + i + "\"}").toList();
    engine.streamDelayMs = 100;
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    Thread t = new Thread(() -> {
      try {
        build(BuildOptions.kind(BuildMode.DEV));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (log.stream().noneMatch(l -> l.contains("Pushing layer 1")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    progress.cancel();
    t.join(10_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(failure.get()).isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLED));
    assertThat(log).noneMatch(l -> l.contains("Pushing layer 99"));
  }

  static Map<String, String> tarFiles(byte[] tar) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        files.put(e.getName(), e.isDirectory() ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
