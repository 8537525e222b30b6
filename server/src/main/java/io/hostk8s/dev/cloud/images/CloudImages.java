package io.hostk8s.dev.cloud.images;

import io.hostk8s.dev.build.BuildMode;
import io.hostk8s.dev.build.BuildOptions;
import io.hostk8s.dev.build.BuildResult;
import io.hostk8s.dev.build.BuildService;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code publish apply}, the images part: every service with a build (voting app: vote, result — Dockerfile.prod
 * through the daemon — and worker — Jib from its jar) built for linux/amd64 under its content tag and pushed to
 * {@code <host>/<registry name>/<image>:<tag>} with DigitalOcean's short-lived docker-credentials, held in memory
 * only (no docker config file is written; they are never logged). A tag the registry already has is neither built
 * nor pushed. Reports one progress step per service; the caller owns begin/end.
 */
public final class CloudImages {
  private static final Logger LOG = Logger.getLogger(CloudImages.class.getName());

  /**
   * @param images service → pushed image reference (what the cloud manifests use)
   * @param built services whose image was built by this call
   * @param pushed services whose image was pushed by this call
   * @param skipped services the registry already had (nothing built or pushed)
   * @param lines one line per service for the person, and a summary last
   */
  public record Result(Map<String, String> images, List<String> built, List<String> pushed, List<String> skipped,
      List<String> lines) {}

  private final BuildService builds;

  public CloudImages() {
    this(new BuildService());
  }

  CloudImages(BuildService builds) {
    this.builds = builds;
  }

  /** {@code HOSTK8S_BUILD_PULL=false}: build on the base images the daemon already has (air-gapped machines). */
  public static final String PULL_ENV = "HOSTK8S_BUILD_PULL";

  /** Prod images for linux/amd64 with base images pulled (the cloud build), unless {@value #PULL_ENV} is false. */
  public Result publish(EngineServices engine, String registryName, String dockerCredentialsJson, Progress progress) {
    return publish(engine.workspace(), registryName, dockerCredentialsJson, options(engine, BuildMode.PROD), progress);
  }

  /**
   * One service's image of {@code mode} built and pushed like publish's (the cloud debug session's dev image),
   * skipped when the registry already has its tag.
   */
  public BuildResult one(EngineServices engine, String service, BuildMode mode, String registryName,
      String dockerCredentialsJson, Progress progress) {
    DockerCredentials docker = DockerCredentials.parse(dockerCredentialsJson);
    return builds.build(engine.workspace(), service, options(engine, mode).withRegistry(docker.registryPrefix(registryName),
        docker.credentials()), progress, line -> LOG.fine(service + ": " + line));
  }

  private static BuildOptions options(EngineServices engine, BuildMode mode) {
    boolean pull = !"false".equalsIgnoreCase(engine.workspace().env().getOrDefault(PULL_ENV, "true").trim());
    return BuildOptions.cloud(mode).withPull(pull);
  }

  /**
   * As {@link #publish(EngineServices, String, String, Progress)} with other build options (e.g. no pull, a Jib
   * base image); their registry and credentials are replaced by the docker-credentials'.
   */
  public Result publish(Workspace workspace, String registryName, String dockerCredentialsJson, BuildOptions options,
      Progress progress) {
    DockerCredentials docker = DockerCredentials.parse(dockerCredentialsJson);
    BuildOptions cloud = options.withRegistry(docker.registryPrefix(registryName), docker.credentials());
    List<String> services = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    for (String service : workspace.config().config().services().keySet()) {
      BuildService.noRecipe(workspace, service, cloud).ifPresentOrElse(
          why -> lines.add(service + ": nothing to build (" + why + ")"), () -> services.add(service));
    }
    Map<String, String> images = new LinkedHashMap<>();
    List<String> built = new ArrayList<>();
    List<String> pushed = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (int i = 0; i < services.size(); i++) {
      String service = services.get(i);
      progress.checkCancelled();
      progress.report("image " + service + " (" + (i + 1) + "/" + services.size() + ")", 100 * i / services.size());
      BuildResult r = builds.build(workspace, service, cloud, progress, line -> LOG.fine(service + ": " + line));
      images.put(service, r.image().push());
      if (!r.cached()) {
        built.add(service);
      }
      if (r.pushed()) {
        pushed.add(service);
      } else {
        skipped.add(service);
      }
      lines.add(service + ": " + r.image().push() + " — " + (r.pushed() ? (r.cached() ? "pushed" : "built and pushed")
          : "already in the registry, skipped") + " (" + r.builder() + ", " + r.recipe() + ", " + r.platform() + ")");
    }
    lines.add(images.size() + " images for " + docker.registryPrefix(registryName) + ": " + built.size() + " built, "
        + pushed.size() + " pushed, " + skipped.size() + " unchanged");
    progress.report(lines.get(lines.size() - 1), 100);
    return new Result(java.util.Collections.unmodifiableMap(images), List.copyOf(built), List.copyOf(pushed), List.copyOf(skipped), List.copyOf(lines));
  }
}
