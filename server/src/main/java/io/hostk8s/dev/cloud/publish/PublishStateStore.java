package io.hostk8s.dev.cloud.publish;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The workspace's publish state: {@code .hostk8s/publish/digitalocean.json} (directory 0700, file 0600), and our
 * kubeconfig for the published cluster beside it. Every write is atomic (temp file + rename).
 */
public final class PublishStateStore {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final Path dir;

  public PublishStateStore(Path stateDir) {
    this.dir = stateDir.resolve("publish");
  }

  public Path file() {
    return dir.resolve("digitalocean.json");
  }

  public Optional<PublishState> load() {
    Path f = file();
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), PublishState.class));
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.CLOUD_STATE_INVALID, "The publish state " + f + " cannot be read: "
          + e.getMessage(), List.of("If nothing is published any more, delete " + f + "; otherwise fix the JSON "
          + "(it lists the cluster and registry ids publish created)."), true, e);
    }
  }

  public PublishState save(PublishState state) {
    PublishState stamped = state.stamped(Instant.now().toString());
    try {
      write(file(), JSON.writeValueAsBytes(stamped));
    } catch (IOException e) {
      throw HostK8sException.internal("cannot write " + file() + ": " + e.getMessage(), e);
    }
    return stamped;
  }

  /** Writes our kubeconfig for {@code cluster} (0600, never merged into ~/.kube/config); returns its path. */
  public Path writeKubeconfig(String cluster, String yaml) {
    Path f = dir.resolve(safe(cluster) + ".kubeconfig");
    try {
      write(f, yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw HostK8sException.internal("cannot write " + f + ": " + e.getMessage(), e);
    }
    return f;
  }

  public void delete(PublishState state) throws IOException {
    if (state.kubeconfig() != null) {
      Path k = Path.of(state.kubeconfig()).toAbsolutePath().normalize();
      if (k.startsWith(dir.toAbsolutePath().normalize())) { // never delete outside our directory
        Files.deleteIfExists(k);
      }
    }
    Files.deleteIfExists(file());
    Files.deleteIfExists(dir.resolve("releases.json")); // its images went with the registry or the cluster
  }

  /** Writes {@code name} beside the state (0600, atomically): the release history, for one. */
  public void writeAtomically(String name, byte[] content) throws IOException {
    write(dir.resolve(name), content);
  }

  private void write(Path target, byte[] content) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    Path tmp = Files.createTempFile(dir, ".tmp-", ".part"); // created 0600
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
