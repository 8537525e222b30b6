package io.hostk8s.dev.cloud.publish.release;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The release history beside the publish state: {@code .hostk8s/publish/releases.json} (0600, written atomically by
 * {@link PublishStateStore}). Ids and digests only, never a secret. Teardown deletes it with the state (its images go with
 * the registry or the cluster).
 */
public final class ReleaseStore {
  static final String FILE = "releases.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private final PublishStateStore store;

  public ReleaseStore(PublishStateStore store) {
    this.store = store;
  }

  public Path file() {
    return store.file().resolveSibling(FILE);
  }

  public ReleaseHistory load() {
    Path f = file();
    if (!Files.isRegularFile(f)) {
      return ReleaseHistory.empty();
    }
    try {
      return JSON.readValue(f.toFile(), ReleaseHistory.class);
    } catch (IOException e) {
      throw new HostK8sException(ErrorCode.CLOUD_STATE_INVALID, "The release history " + f + " cannot be read: "
          + e.getMessage(), List.of("Fix the JSON, or delete " + f + " (the next apply starts a new history)."), true, e);
    }
  }

  public ReleaseHistory append(Release r) {
    ReleaseHistory next = load().with(r);
    try {
      store.writeAtomically(FILE, JSON.writeValueAsBytes(next));
    } catch (IOException e) {
      throw HostK8sException.internal("cannot write " + file() + ": " + e.getMessage(), e);
    }
    return next;
  }
}
