package io.hostk8s.dev.cloud.publish.app;

import io.hostk8s.dev.progress.Progress;
import java.util.List;
import java.util.Map;

/**
 * Builds the services' production images and pushes them to the registry (skipping what it already has).
 * {@code dockerCredentials}: the registry's read-write docker config JSON — a secret, held in memory only.
 */
@FunctionalInterface
public interface ImageStep {
  /** {@code refs}: service → pushed image reference; {@code pushed}: {@code repository:tag} pushed now. */
  record Images(Map<String, String> refs, List<String> pushed, List<String> lines) {}

  Images publish(String registryName, String dockerCredentials, Progress progress) throws InterruptedException;
}
