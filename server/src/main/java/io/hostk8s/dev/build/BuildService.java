package io.hostk8s.dev.build;

import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.WorkspacePaths;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Builds one configured service into a content-tagged image in the registry and tells the caller both names.
 * Maven services (a pom.xml in the context) go through Jib from their built jar, daemonless; the others through
 * their Dockerfile on the daemon at DOCKER_HOST. A tag the registry already has is neither built nor pushed; one
 * the daemon already has is only pushed. Reports through {@link Progress#report}; the caller owns begin/end.
 */
public final class BuildService {
  private static final Logger LOG = Logger.getLogger(BuildService.class.getName());
  public static final String JIB_BASE_ENV = "HOSTK8S_JIB_BASE_IMAGE";

  private final RegistryProbe registry = new RegistryProbe();

  /** A dev or prod build for the local Kind cluster (native platform, no pull), log only into the progress. */
  public BuildResult build(Workspace workspace, String service, BuildMode mode, Progress progress) {
    return build(workspace, service, BuildOptions.kind(mode), progress, line -> LOG.fine(service + ": " + line));
  }

  /** Every configured service in config order; stops at the first failure (its exception propagates). */
  public java.util.List<BuildResult> buildAll(Workspace workspace, BuildOptions options, Progress progress, Consumer<String> log) {
    java.util.List<BuildResult> results = new java.util.ArrayList<>();
    for (String service : workspace.config().config().services().keySet()) {
      progress.checkCancelled();
      results.add(build(workspace, service, options, progress, log));
    }
    return results;
  }

  public BuildResult build(Workspace workspace, String service, BuildOptions options, Progress progress, Consumer<String> log) {
    long start = System.nanoTime();
    DevConfig config = workspace.config().config();
    ServiceConfig svc = config.services().get(service);
    if (svc == null) {
      throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "'.",
          "Configured services: " + String.join(", ", config.services().keySet()) + ".");
    }
    Path context = contextDir(workspace, service, svc);
    RegistryTarget registryTarget = RegistryTarget.of(config, options);
    progress.checkCancelled();
    BuildResult result = JarLocator.isMavenProject(context) && !options.useDockerfile()
        ? new JibPath(registry).build(workspace, service, svc, context, registryTarget, options, progress, log, start)
        : new DockerfilePath(registry).build(workspace, service, svc, context, registryTarget, options, progress, log, start);
    LOG.info(() -> "built " + service + " -> " + result.image().push() + (result.cached() ? " (cached)" : "")
        + " in " + result.elapsed().toMillis() + " ms");
    return result;
  }

  /**
   * Why {@code service} has nothing to build, or empty when it has a recipe: a pom.xml (Jib) or the mode's Dockerfile
   * in its context. A context that does not exist is not answered here: {@link #build} reports it (a config error).
   */
  public static Optional<String> noRecipe(Workspace workspace, String service, BuildOptions options) {
    ServiceConfig svc = workspace.config().config().services().get(service);
    Optional<Path> context = svc == null ? Optional.empty()
        : WorkspacePaths.inside(workspace.root(), svc.context() == null ? "." : svc.context()).filter(Files::isDirectory);
    if (context.isEmpty() || JarLocator.isMavenProject(context.get()) && !options.useDockerfile()) {
      return Optional.empty();
    }
    String dockerfile = DockerfileChooser.choose(context.get(), svc.dockerfile(), options.mode());
    return Files.isRegularFile(context.get().resolve(dockerfile)) ? Optional.empty()
        : Optional.of("no pom.xml and no " + dockerfile + " in " + svc.context());
  }

  /** Where a build without a push keeps a Jib image: {@code .hostk8s/images/<repository>-<tag>.tar}. */
  public static Path localTar(Workspace workspace, ImageRef ref) {
    return workspace.stateDir().resolve("images").resolve(ref.repository().replace('/', '_') + "-" + ref.tag() + ".tar");
  }

  private static Path contextDir(Workspace workspace, String service, ServiceConfig svc) {
    String rel = svc.context() == null ? "." : svc.context();
    Path dir = WorkspacePaths.inside(workspace.root(), rel).orElseThrow(() -> HostK8sException.user(ErrorCode.CONFIG_PATH_ESCAPES,
        "The context of " + service + " (" + rel + ") leaves the workspace.", "Use a path inside the workspace."));
    if (!Files.isDirectory(dir)) {
      throw HostK8sException.user(ErrorCode.CONFIG_CONTEXT_MISSING, "The context of " + service + " does not exist: " + dir,
          "Fix services." + service + ".context in hostk8s.dev.yaml.");
    }
    return dir;
  }

  static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
