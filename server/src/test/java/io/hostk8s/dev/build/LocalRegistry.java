package io.hostk8s.dev.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Debian {@code docker-registry} (distribution v2) on a free loopback port with a private config:
 * filesystem storage in a temp dir, no auth. Never the packaged /etc config. {@link #close()} kills it.
 */
public final class LocalRegistry implements AutoCloseable {
  static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.manifest.v1+json";
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ObjectMapper json = new ObjectMapper();

  private LocalRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static LocalRegistry start(Path dir) throws IOException, InterruptedException {
    Path binary = Tools.require("docker-registry", "/usr/bin/docker-registry");
    int port = freePort();
    Path config = dir.resolve("registry.yml");
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(config, """
        version: 0.1
        log: { level: warn }
        storage:
          filesystem: { rootdirectory: %s }
          delete: { enabled: true }
        http:
          addr: 127.0.0.1:%d
        """.formatted(dir.resolve("data"), port));
    Process p = new ProcessBuilder(binary.toString(), "serve", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    LocalRegistry registry = new LocalRegistry(p, port);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (registry.status("/v2/") != 200) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        registry.close();
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      Thread.sleep(50);
    }
    return registry;
  }

  /** {@code localhost:<port>}: the push address. */
  public String address() {
    return "localhost:" + port;
  }

  int status(String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** GET /v2/<name>/manifests/<tag>, or null when the registry answers 404. */
  public JsonNode manifest(String name, String tag) throws IOException, InterruptedException {
    return get("/v2/" + name + "/manifests/" + tag, MANIFEST_TYPES);
  }

  JsonNode blob(String name, String digest) throws IOException, InterruptedException {
    return get("/v2/" + name + "/blobs/" + digest, "*/*");
  }

  private JsonNode get(String path, String accept) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() == 404) {
      return null;
    }
    if (r.statusCode() != 200) {
      throw new IOException("GET " + path + " -> " + r.statusCode());
    }
    return json.readTree(r.body());
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroy();
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
