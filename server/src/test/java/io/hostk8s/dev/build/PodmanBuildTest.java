package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real docker-java build and push through {@code podman system service} (no Docker here): a tiny Dockerfile on
 * the debootstrap-made local base, pushed to a real docker-registry and read back from it.
 */
class PodmanBuildTest {
  @TempDir static Path shared;
  private static LocalRegistry registry;
  private static PodmanEngine podman;

  @TempDir Path root;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.start(shared.resolve("registry"));
    long t = System.nanoTime();
    podman = PodmanEngine.start(shared.resolve("podman"), registry.address());
    System.out.printf("podman set-up + service: %d ms%n", (System.nanoTime() - t) / 1_000_000);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (podman != null) {
      podman.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private Workspace workspace(String dockerfile) throws IOException {
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: %s, pull: localhost:5000 }
        services:
          hello: { context: hello, dockerfile: Dockerfile.dev, image: hostk8s-hello }
        """.formatted(registry.address()));
    Files.createDirectories(root.resolve("hello/sub"));
    Files.writeString(root.resolve("hello/Dockerfile.dev"), dockerfile);
    Files.writeString(root.resolve("hello/.dockerignore"), "secret.txt\n**/*.tmp\n");
    Files.writeString(root.resolve("hello/app.txt"), "hello from the context\n");
    Files.writeString(root.resolve("hello/sub/data.txt"), "data\n");
    Files.writeString(root.resolve("hello/secret.txt"), "must not reach the image\n");
    Files.writeString(root.resolve("hello/sub/scratch.tmp"), "ignored\n");
    Map<String, String> env = new HashMap<>(podman.env());
    return new Workspace(root, env, null);
  }

  @Test
  void buildsThroughPodmanPushesAndSkipsTheUnchangedRebuild() throws Exception {
    Workspace ws = workspace("""
        FROM %s
        ARG GREETING=none
        COPY . /app/
        RUN test -f /app/app.txt && echo "$GREETING" > /app/greeting
        CMD ["cat", "/app/app.txt"]
        """.formatted(podman.baseImage()));
    long t = System.nanoTime();
    BuildResult result = new BuildService().build(ws, "hello",
        BuildOptions.kind(BuildMode.DEV).withBuildArgs(Map.of("GREETING", "hi")), new RecordingProgress(), log::add);
    System.out.printf("podman build + push: %d ms%n", (System.nanoTime() - t) / 1_000_000);
    assertThat(result.cached()).isFalse();
    assertThat(result.pushed()).isTrue();
    assertThat(result.platform()).isEqualTo("linux/" + ImageBuilder.normalizeArch(System.getProperty("os.arch")));
    assertThat(log).anyMatch(l -> l.matches("(?i)step \\d+/\\d+ ?: RUN test -f /app/app.txt.*"));

    JsonNode manifest = registry.manifest("hostk8s-hello", result.image().tag());
    assertThat(manifest).as("GET /v2/hostk8s-hello/manifests/" + result.image().tag()).isNotNull();
    List<String> files = new ArrayList<>();
    for (JsonNode layer : manifest.get("layers")) {
      files.addAll(layerFiles(layer.get("digest").asText()));
    }
    assertThat(files).contains("app/app.txt", "app/sub/data.txt", "app/greeting", "app/Dockerfile.dev")
        .doesNotContain("app/secret.txt", "app/sub/scratch.tmp");

    long t2 = System.nanoTime();
    BuildResult again = new BuildService().build(ws, "hello",
        BuildOptions.kind(BuildMode.DEV).withBuildArgs(Map.of("GREETING", "hi")), new RecordingProgress(), log::add);
    System.out.printf("unchanged rebuild (registry has the tag): %d ms%n", (System.nanoTime() - t2) / 1_000_000);
    assertThat(again.cached()).isTrue();
    assertThat(again.image()).isEqualTo(result.image());
  }

  @Test
  void aFailingRunStepIsNamedAndLeavesNoBuildContainers() throws Exception {
    Workspace ws = workspace("""
        FROM %s
        COPY app.txt /app/
        RUN echo about to fail && false
        """.formatted(podman.baseImage()));
    assertThatThrownBy(() -> new BuildService().build(ws, "hello", BuildOptions.kind(BuildMode.DEV), new RecordingProgress(), log::add))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.BUILD_FAILED);
          assertThat(e.getMessage()).contains("hello").contains("RUN echo about to fail && false");
        });
    assertThat(log).contains("about to fail");
    assertThat(podman.podman("ps", "--all", "--external", "--format", "{{.ID}}").strip()).as("forcerm: no leftover containers").isEmpty();
  }

  private List<String> layerFiles(String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + registry.address() + "/v2/hostk8s-hello/blobs/" + digest)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(r.body())))) {
      for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
        names.add(e.getName().replaceFirst("^\\./", "").replaceFirst("/$", ""));
      }
    }
    return names;
  }
}
