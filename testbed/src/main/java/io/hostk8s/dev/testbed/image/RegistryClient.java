package io.hostk8s.dev.testbed.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What a kubelet's image pull reads from a registry (HTTP API v2, plain HTTP, Basic credentials): the manifest
 * (an OCI index or Docker manifest list resolved to the linux/amd64 entry), the image config, and the layer blobs,
 * each checked against its sha256 digest.
 */
final class RegistryClient {
  static final String INDEX_TYPES = "application/vnd.oci.image.index.v1+json,"
      + "application/vnd.docker.distribution.manifest.list.v2+json";
  static final String MANIFEST_TYPES = "application/vnd.oci.image.manifest.v1+json,"
      + "application/vnd.docker.distribution.manifest.v2+json";
  private static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofMinutes(2)).build();

  /** One layer of an image: its digest and media type. */
  record Layer(String digest, String mediaType) {}

  /** A resolved image: the manifest's digest, the config's working dir (may be empty) and the layers, lowest first. */
  record Image(String digest, String workingDir, List<Layer> layers) {}

  private final ImageReference ref;
  private final Optional<String> authorization;
  private final ObjectMapper json = new ObjectMapper();

  RegistryClient(ImageReference ref, Optional<String> userColonPassword) {
    this.ref = ref;
    this.authorization = userColonPassword.map(up -> {
      int colon = up.indexOf(':');
      return Credentials.basic(up.substring(0, colon), up.substring(colon + 1));
    });
  }

  Image resolve() throws IOException {
    Fetched m = manifest(ref.reference());
    if (m.body.has("manifests")) {
      String chosen = chooseFromIndex(m.body);
      m = manifest(chosen);
    }
    if (!m.body.has("layers") || !m.body.has("config")) {
      throw new IOException(ref + ": unsupported manifest (media type " + m.mediaType + ")");
    }
    JsonNode config = json.readTree(bytes(m.body.path("config").path("digest").asText()));
    String workingDir = config.path("config").path("WorkingDir").asText("");
    List<Layer> layers = new ArrayList<>();
    for (JsonNode l : m.body.path("layers")) {
      layers.add(new Layer(l.path("digest").asText(), l.path("mediaType").asText("")));
    }
    return new Image(m.digest, workingDir, layers);
  }

  /** Downloads a blob to {@code target}, failing when its content does not match its digest. */
  void download(String digest, Path target) throws IOException {
    try (Response r = get("/blobs/" + digest, "*/*"); InputStream in = r.body().byteStream()) {
      MessageDigest sha = sha256(digest);
      try (DigestInputStream din = new DigestInputStream(in, sha); OutputStream out = Files.newOutputStream(target)) {
        din.transferTo(out);
      }
      String got = "sha256:" + HexFormat.of().formatHex(sha.digest());
      if (!got.equals(digest)) {
        throw new IOException(ref + ": blob " + digest + " arrived as " + got);
      }
    }
  }

  private record Fetched(String digest, String mediaType, JsonNode body) {}

  private Fetched manifest(String reference) throws IOException {
    try (Response r = get("/manifests/" + reference, INDEX_TYPES + "," + MANIFEST_TYPES)) {
      byte[] body = r.body().bytes();
      JsonNode node = json.readTree(body);
      String digest = r.header("Docker-Content-Digest");
      if (digest == null) {
        MessageDigest sha = sha256("sha256:");
        digest = "sha256:" + HexFormat.of().formatHex(sha.digest(body));
      }
      String type = node.path("mediaType").asText(r.header("Content-Type", ""));
      return new Fetched(digest, type, node);
    }
  }

  /** The linux/amd64 manifest of an index (attestation entries, platform unknown/unknown, are skipped). */
  private String chooseFromIndex(JsonNode index) throws IOException {
    String fallback = null;
    for (JsonNode m : index.path("manifests")) {
      String os = m.path("platform").path("os").asText("");
      String arch = m.path("platform").path("architecture").asText("");
      if (os.equals("linux") && arch.equals("amd64")) {
        return m.path("digest").asText();
      }
      if (fallback == null && !os.equals("unknown")) {
        fallback = m.path("digest").asText();
      }
    }
    if (fallback == null) {
      throw new IOException(ref + ": the index lists no image for a platform");
    }
    return fallback;
  }

  private byte[] bytes(String digest) throws IOException {
    try (Response r = get("/blobs/" + digest, "*/*")) {
      return r.body().bytes();
    }
  }

  private Response get(String path, String accept) throws IOException {
    Request.Builder req = new Request.Builder().url("http://" + ref.host() + "/v2/" + ref.repository() + path)
        .header("Accept", accept);
    authorization.ifPresent(a -> req.header("Authorization", a));
    Response r = HTTP.newCall(req.build()).execute();
    if (!r.isSuccessful()) {
      int code = r.code();
      r.close();
      String why = code == 401 || code == 403 ? "unauthorized (no pull access)" : code == 404 ? "not found" : "HTTP " + code;
      throw new IOException("pulling " + ref + ": GET " + path + " → " + why);
    }
    return r;
  }

  private static MessageDigest sha256(String digest) throws IOException {
    if (!digest.startsWith("sha256:")) {
      throw new IOException("unsupported digest algorithm: " + digest);
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }
}
