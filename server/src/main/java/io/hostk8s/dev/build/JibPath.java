package io.hostk8s.dev.build;

import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** {@link BuildService}'s Jib route for Maven services: locate the jar, hash, registry check, Jib build + push (or a tar). */
final class JibPath {
  private final RegistryProbe registry;

  JibPath(RegistryProbe registry) {
    this.registry = registry;
  }

  BuildResult build(Workspace ws, String service, ServiceConfig svc, Path context, RegistryTarget target,
      BuildOptions options, Progress progress, Consumer<String> log, long start) {
    Path jar = JarLocator.find(service, context, svc.image());
    String platform = options.effectivePlatform() != null ? options.effectivePlatform() : hostPlatform();
    String base = options.jibBaseImage() != null ? options.jibBaseImage()
        : ws.env().getOrDefault(BuildService.JIB_BASE_ENV, JibImageBuilder.DEFAULT_BASE);
    JibRequest request = new JibRequest(jar, base, null, options.mode(), platform, ws.stateDir().resolve("jib-cache"), null);
    String hash;
    try {
      hash = JibImageBuilder.hash(request);
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    }
    ImageRef ref = target.ref(svc.image(), ContextHasher.tag(hash));
    String recipe = context.relativize(jar).toString();
    JibRequest withTarget = new JibRequest(jar, base, ref, options.mode(), platform, request.cacheDir(), options.credentials());
    if (!options.push()) { // no daemon on this route: the image is kept as a tar (docker load / podman load)
      Path tar = BuildService.localTar(ws, ref);
      boolean cached = Files.isRegularFile(tar);
      if (cached) {
        log.accept(tar + " already holds " + ref.push() + ": not rebuilt");
      } else {
        new JibImageBuilder().buildToTar(service, withTarget, tar, log, progress);
      }
      return new BuildResult(service, ref, cached, false, "jib", recipe, platform, BuildService.since(start));
    }
    RegistryProbe.State state = registry.manifest(ref, options.credentials());
    if (state == RegistryProbe.State.PRESENT) {
      log.accept("registry already has " + ref.push() + ": not rebuilt");
      return new BuildResult(service, ref, true, false, "jib", recipe, platform, BuildService.since(start));
    }
    if (state == RegistryProbe.State.UNAUTHORIZED) {
      throw BuildProblems.credentialsRefused(ref.pushHost());
    }
    new JibImageBuilder().buildAndPush(service, withTarget, log, progress);
    return new BuildResult(service, ref, false, true, "jib", recipe, platform, BuildService.since(start));
  }

  /** Jib has no daemon to ask: a Kind node runs on this machine, so its architecture is the JVM's. */
  static String hostPlatform() {
    return "linux/" + ImageBuilder.normalizeArch(System.getProperty("os.arch"));
  }
}
