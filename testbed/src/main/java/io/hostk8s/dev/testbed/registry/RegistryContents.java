package io.hostk8s.dev.testbed.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Reads a registry through its HTTP API v2 with Basic credentials: {@code /v2/_catalog}, {@code tags/list}, a tag's
 * manifest digest and size; deletes a manifest. For the stand-in's DigitalOcean registry endpoints and for tests.
 */
public final class RegistryContents {
  static final String MANIFEST_TYPES = String.join(",",
      "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json");

  /** A tag's manifest: its digest and the summed size of its config and layers (what DOCR reports). */
  public record Manifest(String digest, long sizeBytes) {}

  private final String baseUrl;
  private final String authorization;
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  RegistryContents(String baseUrl, String user, String password) {
    this.baseUrl = baseUrl;
    this.authorization = Credentials.basic(user, password);
  }

  /** The status of an authenticated {@code GET /v2/}, -1 when nothing answers. */
  int ping() {
    try (Response r = call(new Request.Builder().url(baseUrl + "/v2/"))) {
      return r.code();
    } catch (IOException e) {
      return -1;
    }
  }

  /** Every repository, e.g. {@code myregistry/hostk8s-vote}. */
  public List<String> repositories() {
    return strings(get("/v2/_catalog?n=1000"), "repositories");
  }

  /** The tags of a repository; empty when it does not exist. */
  public List<String> tags(String repository) {
    return strings(get("/v2/" + repository + "/tags/list"), "tags");
  }

  public Optional<Manifest> manifest(String repository, String tag) {
    Request.Builder req = new Request.Builder().url(baseUrl + "/v2/" + repository + "/manifests/" + tag)
        .header("Accept", MANIFEST_TYPES);
    try (Response r = call(req)) {
      if (r.code() == 404) {
        return Optional.empty();
      }
      require(r, "GET manifest " + repository + ":" + tag);
      JsonNode m = json.readTree(r.body().bytes());
      long size = m.path("config").path("size").asLong();
      for (JsonNode layer : m.path("layers")) {
        size += layer.path("size").asLong();
      }
      return Optional.of(new Manifest(r.header("Docker-Content-Digest", ""), size));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a manifest (and so every tag on it); false when it was not there. */
  public boolean deleteManifest(String repository, String digest) {
    try (Response r = call(new Request.Builder().url(baseUrl + "/v2/" + repository + "/manifests/" + digest).delete())) {
      if (r.code() == 404) {
        return false;
      }
      require(r, "DELETE manifest " + repository + "@" + digest);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode get(String path) {
    try (Response r = call(new Request.Builder().url(baseUrl + path))) {
      if (r.code() == 404) {
        return json.createObjectNode();
      }
      require(r, "GET " + path);
      return json.readTree(r.body().bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response call(Request.Builder request) throws IOException {
    return http.newCall(request.header("Authorization", authorization).build()).execute();
  }

  private static void require(Response r, String what) throws IOException {
    if (!r.isSuccessful()) {
      throw new IOException(what + " -> HTTP " + r.code());
    }
  }

  private static List<String> strings(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    node.path(field).forEach(n -> out.add(n.asText()));
    return out;
  }
}
