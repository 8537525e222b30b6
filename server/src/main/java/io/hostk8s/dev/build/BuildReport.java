package io.hostk8s.dev.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code hostk8s.build} did, for people and clients.
 *
 * @param registry the push registry (HostK8s: {@code localhost:5002}); images were pushed there unless {@code push} is false
 * @param push whether a push was asked ({@code --no-push}: false)
 * @param target {@code cluster} or {@code sandbox} (the workspace's kubeconfig is the sandbox test bed's)
 * @param images one entry per service built, in config order
 * @param skipped services without a build (when building all), each with why
 * @param lines one line per image and per skipped service, for an output view
 * @param note what the result means for the target (the sandbox runs recipes, not images), or null
 * @param summary one line for people
 */
public record BuildReport(String registry, boolean push, String target, List<Image> images, List<String> skipped,
    List<String> lines, String note, String summary) {

  /**
   * One service's image.
   *
   * @param service the service name
   * @param image the in-cluster reference manifests use (HostK8s: {@code localhost:5000/hostk8s-vote:dev-…})
   * @param pushRef where the host pushes it (HostK8s: {@code localhost:5002/…})
   * @param cached nothing was built: the registry (or, without a push, the daemon or the tar) already had this content tag
   * @param pushed this build pushed it to the registry
   * @param where one line: built and pushed, unchanged, or where an image that was not pushed is kept
   * @param builder {@code docker} (Dockerfile through the daemon) or {@code jib}
   * @param recipe the Dockerfile or jar used
   * @param millis wall time of this service's build
   */
  public record Image(String service, String image, String pushRef, boolean cached, boolean pushed, String where,
      String builder, String recipe, long millis) {

    /** The entry for one build; {@code localTar} is where a Jib build without a push is kept. */
    public static Image of(BuildResult r, boolean pushAsked, Path localTar) {
      String where;
      if (pushAsked) {
        where = r.pushed() ? (r.cached() ? "pushed to " + r.image().pushRegistry() + " (the daemon already had it)"
            : "built and pushed to " + r.image().pushRegistry())
            : "unchanged: " + r.image().pushRegistry() + " already has it";
      } else if ("jib".equals(r.builder())) {
        where = (r.cached() ? "unchanged: " : "built into ") + localTar + " (not pushed; docker/podman load -i)";
      } else {
        where = (r.cached() ? "unchanged: already in" : "built into") + " the Docker daemon (not pushed)";
      }
      return new Image(r.service(), r.image().inCluster(), r.image().push(), r.cached(), r.pushed(), where, r.builder(),
          r.recipe(), r.elapsed().toMillis());
    }

    /** {@code vote → localhost:5000/hostk8s-vote:dev-… (built and pushed to localhost:5002, 2.1 s)}. */
    public String line() {
      return service + " → " + image + " (" + where + ", " + String.format(Locale.ROOT, "%.1f s", millis / 1000.0) + ")";
    }
  }

  /** The one-line summary: what was built, pushed or unchanged, and what was skipped. */
  public static String summarize(List<Image> images, List<String> skipped, boolean push, String registry) {
    long built = images.stream().filter(i -> !i.cached()).count();
    long unchanged = images.size() - built;
    StringBuilder sb = new StringBuilder();
    sb.append(images.size()).append(images.size() == 1 ? " image" : " images");
    if (!images.isEmpty()) {
      sb.append(" (").append(images.stream().map(Image::service).collect(Collectors.joining(", "))).append(')');
    }
    sb.append(push ? " for " + registry : ", not pushed").append(": ").append(built).append(" built");
    if (push) {
      sb.append(", ").append(images.stream().filter(Image::pushed).count()).append(" pushed");
    }
    sb.append(", ").append(unchanged).append(" unchanged");
    if (!skipped.isEmpty()) {
      sb.append("; skipped ").append(skipped.size()).append(" without a build");
    }
    return sb.toString();
  }
}
