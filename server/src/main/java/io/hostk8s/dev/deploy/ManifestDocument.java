package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;

/** One Kubernetes object read from a manifest file, with where it came from (for error messages). */
public record ManifestDocument(HasMetadata object, Path file, int line) {
  /** {@code Kind/name} (and namespace when set), e.g. {@code Deployment/vote}. */
  public String describe() {
    return KubeObjects.describe(object);
  }
}
