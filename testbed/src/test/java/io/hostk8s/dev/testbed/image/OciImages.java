package io.hostk8s.dev.testbed.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Hand-made images pushed to a real registry through its HTTP API (blob uploads, then the manifest). */
final class OciImages {
  private final AuthRegistry registry;
  private final OkHttpClient http = new OkHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  OciImages(AuthRegistry registry) {
    this.registry = registry;
  }

  /** One tar entry: a file ({@code content}), a directory (name ending in /), a symlink ({@code link}). */
  record Entry(String name, String content, String link) {
    static Entry file(String name, String content) {
      return new Entry(name, content, null);
    }

    static Entry symlink(String name, String target) {
      return new Entry(name, null, target);
    }
  }

  /** A gzip-compressed layer tar. */
  static byte[] layer(List<Entry> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Entry e : entries) {
        if (e.link() != null) {
          TarArchiveEntry t = new TarArchiveEntry(e.name(), TarArchiveEntry.LF_SYMLINK);
          t.setLinkName(e.link());
          tar.putArchiveEntry(t);
        } else if (e.name().endsWith("/")) {
          tar.putArchiveEntry(new TarArchiveEntry(e.name()));
        } else {
          byte[] b = e.content().getBytes(StandardCharsets.UTF_8);
          TarArchiveEntry t = new TarArchiveEntry(e.name());
          t.setSize(b.length);
          t.setMode(0100644);
          tar.putArchiveEntry(t);
          tar.write(b);
        }
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * Pushes {@code layers} with a config whose WorkingDir is {@code workdir} (null: none) as {@code repo:tag}:
   * an OCI manifest inside an OCI index (with an attestation entry first) when {@code index}, else a Docker v2
   * manifest. Answers the image manifest's digest.
   */
  String push(String repo, String tag, String workdir, boolean index, List<byte[]> layers) throws IOException {
    ObjectNode config = json.createObjectNode().put("architecture", "amd64").put("os", "linux");
    ObjectNode cfg = config.putObject("config");
    if (workdir != null) {
      cfg.put("WorkingDir", workdir);
    }
    byte[] configBytes = json.writeValueAsBytes(config);
    boolean oci = index;
    ObjectNode manifest = json.createObjectNode().put("schemaVersion", 2).put("mediaType", oci
        ? "application/vnd.oci.image.manifest.v1+json" : "application/vnd.docker.distribution.manifest.v2+json");
    manifest.set("config", descriptor(oci ? "application/vnd.oci.image.config.v1+json"
        : "application/vnd.docker.container.image.v1+json", blob(repo, configBytes), configBytes.length));
    ArrayNode ls = manifest.putArray("layers");
    for (byte[] l : layers) {
      ls.add(descriptor(oci ? "application/vnd.oci.image.layer.v1.tar+gzip"
          : "application/vnd.docker.image.rootfs.diff.tar.gzip", blob(repo, l), l.length));
    }
    byte[] manifestBytes = json.writeValueAsBytes(manifest);
    if (!index) {
      putManifest(repo, tag, manifest.path("mediaType").asText(), manifestBytes);
      return digest(manifestBytes);
    }
    String digest = putManifest(repo, digest(manifestBytes), manifest.path("mediaType").asText(), manifestBytes);
    ObjectNode idx = json.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", "application/vnd.oci.image.index.v1+json");
    ArrayNode ms = idx.putArray("manifests");
    ObjectNode attestation = descriptor("application/vnd.oci.image.manifest.v1+json", digest, manifestBytes.length);
    attestation.putObject("platform").put("os", "unknown").put("architecture", "unknown");
    ms.add(attestation); // the real image's digest under an attestation's platform: must not be the one chosen
    byte[] armBytes = armManifest(repo, manifest);
    putManifest(repo, digest(armBytes), manifest.path("mediaType").asText(), armBytes);
    ObjectNode arm = descriptor("application/vnd.oci.image.manifest.v1+json", digest(armBytes), armBytes.length);
    arm.putObject("platform").put("os", "linux").put("architecture", "arm64");
    ms.add(arm);
    ObjectNode amd = descriptor("application/vnd.oci.image.manifest.v1+json", digest, manifestBytes.length);
    amd.putObject("platform").put("os", "linux").put("architecture", "amd64");
    ms.add(amd);
    byte[] indexBytes = json.writeValueAsBytes(idx);
    putManifest(repo, tag, idx.path("mediaType").asText(), indexBytes);
    return digest;
  }

  /** The same image for arm64, whose app.py says so: chosen by mistake, it shows. */
  private byte[] armManifest(String repo, ObjectNode amd) throws IOException {
    ObjectNode arm = amd.deepCopy();
    byte[] layer = layer(List.of(Entry.file("usr/local/app/app.py", "arm64")));
    ((ArrayNode) arm.path("layers")).removeAll().add(descriptor("application/vnd.oci.image.layer.v1.tar+gzip",
        blob(repo, layer), layer.length));
    return json.writeValueAsBytes(arm);
  }

  private ObjectNode descriptor(String type, String digest, long size) {
    return json.createObjectNode().put("mediaType", type).put("digest", digest).put("size", size);
  }

  private String blob(String repo, byte[] content) throws IOException {
    String digest = digest(content);
    String location;
    try (Response r = call(new Request.Builder().url(base() + "/v2/" + repo + "/blobs/uploads/")
        .post(RequestBody.create(new byte[0])))) {
      require(r, "start upload");
      location = r.header("Location");
    }
    String url = (location.startsWith("http") ? location : base() + location) + (location.contains("?") ? "&" : "?")
        + "digest=" + digest;
    try (Response r = call(new Request.Builder().url(url)
        .put(RequestBody.create(content, MediaType.get("application/octet-stream"))))) {
      require(r, "upload " + digest);
    }
    return digest;
  }

  private String putManifest(String repo, String reference, String type, byte[] body) throws IOException {
    try (Response r = call(new Request.Builder().url(base() + "/v2/" + repo + "/manifests/" + reference)
        .put(RequestBody.create(body, MediaType.get(type))))) {
      require(r, "put manifest " + reference);
    }
    return digest(body);
  }

  private Response call(Request.Builder b) throws IOException {
    return http.newCall(b.header("Authorization", Credentials.basic(registry.user(), registry.password())).build())
        .execute();
  }

  private String base() {
    return "http://" + registry.host();
  }

  private static void require(Response r, String what) throws IOException {
    if (!r.isSuccessful()) {
      throw new IOException(what + " -> HTTP " + r.code() + " " + r.body().string());
    }
  }

  static String digest(byte[] b) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
