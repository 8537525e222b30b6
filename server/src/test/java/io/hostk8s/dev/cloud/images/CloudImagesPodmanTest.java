package io.hostk8s.dev.cloud.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.build.PodmanEngine;
import io.hostk8s.dev.build.Tools;
import io.hostk8s.dev.cloud.digitalocean.DigitalOcean;
import io.hostk8s.dev.cloud.digitalocean.DoApiConfig;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandIn;
import io.hostk8s.dev.testbed.digitalocean.DigitalOceanStandInOptions;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing the voting app's images for the cloud through real parts: Podman's Docker API builds vote and result,
 * Jib builds the worker, all pushed for linux/amd64 to a real registry that wants credentials — the one behind the
 * DigitalOcean stand-in, whose docker-credentials (read through the client, as publish does) name it.
 *
 * <p>Offline here: vote's and result's Dockerfile.prod need python:3.12-slim / node:20-slim from Docker Hub and
 * PyPI / npm inside the build, so the copies built here get a Dockerfile.prod on the local debootstrap base that
 * copies the same app files (as the dev-image tests do); the worker is built by Jib onto {@code scratch} from a
 * runnable jar written by the test (its real base, eclipse-temurin:17-jre, is on Docker Hub).
 */
class CloudImagesPodmanTest {
  private static final String TOKEN = "dop_v1_imagesTESTtoken0123456789abcdef";
  private static final String REGISTRY = "hostk8s-images";

  @TempDir static Path shared;
  private static DigitalOceanStandIn standIn;
  private static AuthRegistry registry;
  private static PodmanEngine podman;
  private static DigitalOcean api;
  private static final List<String> logged = new CopyOnWriteArrayList<>();
  private static final Handler capture = new Handler() {
    @Override public void publish(LogRecord r) {
      logged.add(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + " " + r.getThrown());
    }
    @Override public void flush() {}
    @Override public void close() {}
  };

  @BeforeAll
  static void start() throws Exception {
    if (AuthRegistry.binary().isEmpty()) {
      Tools.unavailable("docker-registry not installed (make setup installs it for the tests)");
    }
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("").setLevel(Level.ALL); // FINE build lines too: the password must not be in any of them
    capture.setLevel(Level.ALL);
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(shared.resolve("ws"), shared.resolve("do")).withAuthRegistry(true));
    registry = standIn.authRegistry().orElseThrow();
    podman = PodmanEngine.start(shared.resolve("podman"), registry.host());
    api = DigitalOcean.connect(DoApiConfig.defaults(standIn.baseUrl(), () -> Optional.of(TOKEN)));
    String region = api.registry().options().availableRegions().get(0);
    api.registry().create(REGISTRY, "basic", region);
    // Jib sends credentials over plain HTTP (the loopback test registry) only when told so; DOCR is https
    System.setProperty("sendCredentialsOverHttp", "true");
  }

  @AfterAll
  static void stop() throws Exception {
    System.clearProperty("sendCredentialsOverHttp");
    Logger.getLogger("").removeHandler(capture);
    Logger.getLogger("").setLevel(Level.INFO);
    if (podman != null) {
      podman.close();
    }
    if (api != null) {
      api.close();
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void buildsPushesSkipsTheSecondTimeAndKeepsThePasswordOffDiskAndOutOfLogs() throws Exception {
    Path root = workspace(shared.resolve("app"));
    String credentials = api.registry().dockerCredentials(REGISTRY, true, 900);
    List<String> reports = new CopyOnWriteArrayList<>();
    Workspace ws = new Workspace(root, env(root), null);

    long t = System.nanoTime();
    CloudImages.Result first = new CloudImages().publish(ws, REGISTRY, credentials, options(), progress(reports));
    System.out.printf("cloud images, first publish (3 builds + pushes): %d ms%n", (System.nanoTime() - t) / 1_000_000);
    assertThat(first.images()).containsOnlyKeys("vote", "worker", "result");
    assertThat(first.built()).containsExactly("vote", "worker", "result");
    assertThat(first.pushed()).containsExactly("vote", "worker", "result");
    assertThat(first.skipped()).isEmpty();
    first.images().forEach((service, ref) ->
        assertThat(ref).matches(registry.host().replace(".", "\\.") + "/" + REGISTRY + "/hostk8s-" + service + ":dev-[0-9a-f]{12}"));
    assertThat(first.lines()).last().asString().contains("3 built, 3 pushed, 0 unchanged");

    // in the registry itself, and through DigitalOcean's API (repositoriesV2, tags) as publish status reads it
    for (String service : List.of("vote", "worker", "result")) {
      String tag = first.images().get(service).substring(first.images().get(service).lastIndexOf(':') + 1);
      assertThat(registry.contents().tags(REGISTRY + "/hostk8s-" + service)).containsExactly(tag);
      assertThat(doTags("hostk8s-" + service)).containsExactly(tag);
      assertThat(registry.contents().manifest(REGISTRY + "/hostk8s-" + service, tag).orElseThrow().digest()).startsWith("sha256:");
    }
    JsonNode config = configOf(REGISTRY + "/hostk8s-vote", tag(first, "vote"));
    assertThat(config.path("architecture").asText()).isEqualTo("amd64");
    assertThat(configOf(REGISTRY + "/hostk8s-worker", tag(first, "worker")).path("architecture").asText()).isEqualTo("amd64");

    long t2 = System.nanoTime();
    CloudImages.Result again = new CloudImages().publish(ws, REGISTRY, api.registry().dockerCredentials(REGISTRY, true, 900),
        options(), progress(reports));
    System.out.printf("cloud images, unchanged second publish: %d ms%n", (System.nanoTime() - t2) / 1_000_000);
    assertThat(again.images()).isEqualTo(first.images());
    assertThat(again.built()).isEmpty();
    assertThat(again.pushed()).isEmpty();
    assertThat(again.skipped()).containsExactly("vote", "worker", "result");
    assertThat(again.lines()).last().asString().contains("0 built, 0 pushed, 3 unchanged");

    String password = registry.password();
    assertThat(reports).noneMatch(r -> r.contains(password));
    assertThat(logged).isNotEmpty().noneMatch(r -> r.contains(password));
    assertThat(first.toString() + again).doesNotContain(password);
    assertThat(filesContaining(password, root, shared.resolve("podman"), Path.of(System.getProperty("user.home"), ".docker")))
        .as("no docker config (or anything else) with the registry password on disk").isEmpty();
  }

  @Test
  void refusedCredentialsAreRegistryUnauthorizedBeforeAnythingIsBuilt() throws Exception {
    Path root = workspace(shared.resolve("refused"));
    String wrong = "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\""
        + Base64.getEncoder().encodeToString((registry.user() + ":not-the-password").getBytes(StandardCharsets.UTF_8)) + "\"}}}";
    Workspace ws = new Workspace(root, env(root), null);
    assertThatThrownBy(() -> new CloudImages().publish(ws, REGISTRY, wrong, options(), progress(new ArrayList<>())))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAUTHORIZED);
          assertThat(e.getMessage()).contains(registry.host()).contains("refused the credentials");
          assertThat(e.suggestions()).anyMatch(s -> s.contains("docker-credentials") && s.contains("registry:update"));
          assertThat(e.getMessage() + e.suggestions()).doesNotContain("not-the-password");
        });
    assertThatThrownBy(() -> new CloudImages().publish(ws, REGISTRY, "{\"auths\":{}}", options(), progress(new ArrayList<>())))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAUTHORIZED));
  }

  /** The cloud build without pulling (no Docker Hub here). */
  private static BuildOptions options() {
    return BuildOptions.cloud(BuildMode.PROD).withPull(false).withJibBaseImage("scratch");
  }

  private static Map<String, String> env(Path root) {
    Map<String, String> env = new HashMap<>(podman.env());
    env.put("HOME", root.resolve("home").toString());
    return env;
  }

  private static Path workspace(Path root) throws IOException {
    return OfflineVotingApp.create(root, podman);
  }

  private static Progress progress(List<String> reports) {
    return new Progress() {
      @Override public void begin(String title) { reports.add(title); }
      @Override public void report(String message, Integer percentage) { reports.add(message); }
      @Override public void end(String message) { reports.add(message); }
      @Override public boolean isCancelled() { return false; }
    };
  }

  private static List<String> doTags(String repository) throws IOException {
    String body = api.api().getText("/v2/registry/" + REGISTRY + "/repositories/" + repository + "/tags", "registry:read");
    List<String> tags = new ArrayList<>();
    new ObjectMapper().readTree(body).path("tags").forEach(t -> tags.add(t.path("tag").asText()));
    return tags;
  }

  private static String tag(CloudImages.Result r, String service) {
    String ref = r.images().get(service);
    return ref.substring(ref.lastIndexOf(':') + 1);
  }

  /** The image config blob of a tag (architecture, os), read with the registry's credentials. */
  private static JsonNode configOf(String repository, String tag) throws Exception {
    okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
    String auth = okhttp3.Credentials.basic(registry.user(), registry.password());
    String base = "http://" + registry.host() + "/v2/" + repository;
    ObjectMapper json = new ObjectMapper();
    JsonNode manifest;
    try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(base + "/manifests/" + tag).header("Authorization", auth)
        .header("Accept", "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json").build()).execute()) {
      manifest = json.readTree(r.body().bytes());
    }
    try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder()
        .url(base + "/blobs/" + manifest.path("config").path("digest").asText()).header("Authorization", auth).build()).execute()) {
      return json.readTree(r.body().bytes());
    }
  }

  private static List<Path> filesContaining(String secret, Path... dirs) throws IOException {
    return OfflineVotingApp.filesContaining(secret, dirs);
  }
}
