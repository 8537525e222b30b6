package io.hostk8s.dev.build;

import java.util.Map;
import java.util.Set;

/**
 * One Dockerfile build for the daemon.
 *
 * @param context the scanned context (files after .dockerignore, Dockerfile path)
 * @param tags full references to tag the result with
 * @param platform e.g. {@code linux/amd64}; null leaves it to the daemon
 * @param pull ask the daemon to pull base images ({@code false} = use local images only)
 * @param buildArgs Docker build args
 */
public record BuildRequest(BuildContext context, Set<String> tags, String platform, boolean pull, Map<String, String> buildArgs) {
  public BuildRequest {
    tags = Set.copyOf(tags);
    buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
  }
}
