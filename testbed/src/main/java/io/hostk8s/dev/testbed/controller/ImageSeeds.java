package io.hostk8s.dev.testbed.controller;

import io.hostk8s.dev.testbed.image.ImagePuller;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * The image's own files instead of the workspace's: when the kubelet pulls from the pod's registry
 * ({@link ImagePuller#pulls}), each app dir the recipe would seed from the workspace is seeded from the image's
 * filesystem instead. While the pull runs the container waits in {@value ClaimMounts#PENDING_REASON}; a failed pull
 * leaves it in {@value #PULL_FAILED} with the registry's reason, tried again every {@value #RETRY_SECONDS} s.
 */
final class ImageSeeds {
  static final String PULL_FAILED = "ErrImagePull";
  static final long RETRY_SECONDS = 5;
  private static final Logger LOG = Logger.getLogger(ImageSeeds.class.getName());

  private final Optional<ImagePuller> images;

  ImageSeeds(Optional<ImagePuller> images) {
    this.images = images;
  }

  /** True when {@code plan} can start now (its seeds point at the pulled app dirs where the image is pulled). */
  boolean ready(String image, LaunchPlan plan, ContainerRecord rec, String pod) {
    if (images.isEmpty() || plan.seeds().isEmpty() || !images.get().pulls(image)) {
      return true;
    }
    Map<Path, String> pulled = new LinkedHashMap<>();
    for (String containerPath : plan.seeds().values()) {
      CompletableFuture<Path> pull = images.get().appDir(image, containerPath);
      if (!pull.isDone()) {
        rec.waitingReason = ClaimMounts.PENDING_REASON;
        rec.waitingMessage = "pulling image \"" + image + "\"";
        rec.recheckAt = Instant.now().plusMillis(200);
        return false;
      }
      if (pull.isCompletedExceptionally()) {
        String why = reason(pull);
        String message = "Failed to pull image \"" + image + "\": " + why;
        if (!message.equals(rec.waitingMessage)) {
          LOG.warning(() -> "not starting " + pod + ": " + message);
        }
        rec.waitingReason = PULL_FAILED;
        rec.waitingMessage = message;
        rec.recheckAt = Instant.now().plusSeconds(RETRY_SECONDS);
        return false;
      }
      pulled.put(pull.join(), containerPath);
    }
    plan.seeds().clear();
    plan.seeds().putAll(pulled);
    return true;
  }

  private static String reason(CompletableFuture<Path> failed) {
    try {
      failed.join();
      return "unknown";
    } catch (CompletionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      return String.valueOf(c.getMessage());
    }
  }
}
