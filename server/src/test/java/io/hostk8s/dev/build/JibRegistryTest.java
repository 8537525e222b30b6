package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jib path against a real registry (Debian docker-registry on a free port): the worker-like Maven service is
 * built from its jar onto a base image that lives in the same registry (pushed first, so no internet is needed),
 * pushed, and read back through {@code GET /v2/<name>/manifests/<tag>}.
 */
class JibRegistryTest {
  @TempDir static Path shared;
  private static LocalRegistry registry;
  private static String base;

  @TempDir Path root;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startRegistryAndPushABase() throws Exception {
    registry = LocalRegistry.start(shared.resolve("registry"));
    Path rootfs = shared.resolve("base/etc/os-release");
    Files.createDirectories(rootfs.getParent());
    Files.writeString(rootfs, "ID=hostk8s-test-base\n");
    base = registry.address() + "/test-base:1";
    Jib.fromScratch().addLayer(List.of(rootfs), AbsoluteUnixPath.get("/etc"))
        .containerize(Containerizer.to(RegistryImage.named(base)).setAllowInsecureRegistries(true)
            .setBaseImageLayersCache(shared.resolve("jib-base")).setApplicationLayersCache(shared.resolve("jib-app")));
  }

  @AfterAll
  static void stopRegistry() throws InterruptedException {
    if (registry != null) {
      registry.close();
    }
  }

  private Workspace workspace(String pushRegistry) throws IOException {
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: %s, pull: localhost:5000 }
        services:
          worker: { context: worker, dockerfile: Dockerfile, image: hostk8s-worker }
        """.formatted(pushRegistry));
    Files.createDirectories(root.resolve("worker/target"));
    Files.writeString(root.resolve("worker/pom.xml"), "<project/>\n");
    Files.writeString(root.resolve("worker/Dockerfile"), "FROM nothing-pullable\n");
    return new Workspace(root, Map.of(), null);
  }

  static void writeJar(Path jar, String payload) throws IOException {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.hostk8s.voting.worker.Main");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
      j.putNextEntry(new JarEntry("payload.txt"));
      j.write(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      j.closeEntry();
    }
  }

  private BuildResult build(Workspace ws, BuildMode mode) {
    return new BuildService().build(ws, "worker", BuildOptions.kind(mode).withJibBaseImage(base).withPlatform("linux/amd64"),
        new RecordingProgress(), log::add);
  }

  @Test
  void workerJarIsBuiltOntoTheBaseAndPushedWithoutADaemon() throws Exception {
    Workspace ws = workspace(registry.address());
    writeJar(root.resolve("worker/target/hostk8s-worker.jar"), "v1");

    BuildResult result = build(ws, BuildMode.DEV);
    assertThat(result.builder()).isEqualTo("jib");
    assertThat(result.recipe()).isEqualTo("target/hostk8s-worker.jar");
    assertThat(result.image().push()).startsWith(registry.address() + "/hostk8s-worker:dev-");
    assertThat(result.image().inCluster()).isEqualTo("localhost:5000/hostk8s-worker:" + result.image().tag());
    assertThat(result.pushed()).isTrue();

    JsonNode manifest = registry.manifest("hostk8s-worker", result.image().tag());
    assertThat(manifest).as("GET /v2/hostk8s-worker/manifests/<tag>").isNotNull();
    JsonNode baseManifest = registry.manifest("test-base", "1");
    assertThat(manifest.get("layers")).hasSize(2);
    assertThat(manifest.get("layers").get(0).get("digest")).isEqualTo(baseManifest.get("layers").get(0).get("digest"));
    JsonNode config = registry.blob("hostk8s-worker", manifest.get("config").get("digest").asText());
    assertThat(config.get("architecture").asText()).isEqualTo("amd64");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.at("/config/Entrypoint").toString()).isEqualTo("[\"java\",\"-jar\",\"/app/hostk8s-worker.jar\"]");
    assertThat(config.at("/config/User").asText()).isEqualTo("10001:10001");
    assertThat(config.at("/config/Env").toString()).contains("JAVA_TOOL_OPTIONS=" + JibImageBuilder.JDWP);
    assertThat(config.at("/config/ExposedPorts").has("5005/tcp")).isTrue();
    assertThat(log).isNotEmpty();

    BuildResult again = build(ws, BuildMode.DEV);
    assertThat(again.image()).isEqualTo(result.image());
    assertThat(again.cached()).isTrue();
    assertThat(again.pushed()).isFalse();

    BuildResult prod = build(ws, BuildMode.PROD);
    assertThat(prod.image().tag()).isNotEqualTo(result.image().tag());
    JsonNode prodConfig = registry.blob("hostk8s-worker",
        registry.manifest("hostk8s-worker", prod.image().tag()).get("config").get("digest").asText());
    assertThat(prodConfig.at("/config/Env").toString()).doesNotContain("jdwp");

    writeJar(root.resolve("worker/target/hostk8s-worker.jar"), "v2");
    BuildResult changed = build(ws, BuildMode.DEV);
    assertThat(changed.image().tag()).isNotEqualTo(result.image().tag());
    assertThat(changed.cached()).isFalse();
    assertThat(registry.manifest("hostk8s-worker", changed.image().tag())).isNotNull();
  }

  @Test
  void theRealWorkerJarWhenItHasBeenBuilt() throws Exception {
    Path real = Path.of(System.getProperty("user.dir")).resolve("../voting-app/worker/target/hostk8s-worker.jar").normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real), "voting-app/worker not packaged yet: " + real);
    Workspace ws = workspace(registry.address());
    Files.copy(real, root.resolve("worker/target/hostk8s-worker.jar"));
    long start = System.nanoTime();
    BuildResult result = build(ws, BuildMode.DEV);
    System.out.printf("jib build+push of the real worker jar (%d KB): %d ms%n", Files.size(real) / 1024, (System.nanoTime() - start) / 1_000_000);
    JsonNode manifest = registry.manifest("hostk8s-worker", result.image().tag());
    assertThat(manifest.get("layers").get(1).get("size").asLong()).isGreaterThan(Files.size(real) / 2);
  }

  @Test
  void missingJarSaysHowToBuildIt() throws IOException {
    Workspace ws = workspace(registry.address());
    assertThatThrownBy(() -> build(ws, BuildMode.DEV)).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.JAR_MISSING);
      assertThat(e.getMessage()).contains("hostk8s-worker.jar");
      assertThat(e.suggestions().get(0)).contains("mvn").contains("package");
    });
  }

  @Test
  void unreachableRegistryIsReportedAsSuch() throws IOException {
    Workspace ws = workspace("localhost:" + LocalRegistry.freePort());
    writeJar(root.resolve("worker/target/hostk8s-worker.jar"), "v1");
    assertThatThrownBy(() -> build(ws, BuildMode.DEV)).isInstanceOfSatisfying(HostK8sException.class, e ->
        assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNREACHABLE));
  }
}
