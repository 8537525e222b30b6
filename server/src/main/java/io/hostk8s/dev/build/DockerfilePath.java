package io.hostk8s.dev.build;

import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/** {@link BuildService}'s Dockerfile route: daemon check, context hash, cache checks, build, push (unless not asked). */
final class DockerfilePath {
  private final RegistryProbe registry;

  DockerfilePath(RegistryProbe registry) {
    this.registry = registry;
  }

  BuildResult build(Workspace ws, String service, ServiceConfig svc, Path context, RegistryTarget target,
      BuildOptions options, Progress progress, Consumer<String> log, long start) {
    DockerEndpoint endpoint = DockerEndpoint.from(ws.env());
    DaemonProbe.check(endpoint); // first, before docker-java is even loaded: no daemon is reported at once
    String dockerfile = DockerfileChooser.choose(context, svc.dockerfile(), options.mode());
    try (DockerClients.Docker docker = DockerClients.open(endpoint)) {
      ImageBuilder builder = new ImageBuilder(docker);
      String platform = options.effectivePlatform() != null ? options.effectivePlatform() : builder.nativePlatform();
      BuildContext scanned = scan(service, context, dockerfile);
      String hash = hash(service, scanned, options, platform);
      ImageRef ref = target.ref(svc.image(), ContextHasher.tag(hash));
      progress.report(service + ": " + ref.push());
      // without a push the registry is not asked: the image is wanted in the daemon, whatever the registry holds
      RegistryProbe.State state = options.push() ? registry.manifest(ref, options.credentials()) : RegistryProbe.State.UNKNOWN;
      if (state == RegistryProbe.State.PRESENT) {
        log.accept("registry already has " + ref.push() + ": not rebuilt");
        return new BuildResult(service, ref, true, false, "docker", dockerfile, platform, BuildService.since(start));
      }
      if (state == RegistryProbe.State.UNAUTHORIZED) {
        throw BuildProblems.credentialsRefused(ref.pushHost());
      }
      if (state == RegistryProbe.State.UNREACHABLE) {
        throw BuildProblems.registryUnreachable(ref.pushHost(), "no answer at " + RegistryProbe.baseUrl(ref.pushHost()) + "/v2/");
      }
      boolean cached = builder.hasImage(ref.push());
      if (cached) {
        log.accept("daemon already has " + ref.push() + ": not rebuilt");
      } else {
        builder.build(service, new BuildRequest(scanned, Set.of(ref.push()), platform, options.pull(), options.buildArgs()), log, progress);
      }
      progress.checkCancelled();
      if (!options.push()) {
        log.accept("not pushed (no push asked): " + ref.push() + " stays in the daemon");
        return new BuildResult(service, ref, cached, false, "docker", dockerfile, platform, BuildService.since(start));
      }
      new ImagePusher(docker, options.credentials()).push(ref, log, progress);
      return new BuildResult(service, ref, cached, true, "docker", dockerfile, platform, BuildService.since(start));
    }
  }

  private static BuildContext scan(String service, Path context, String dockerfile) {
    try {
      return BuildContext.scan(context, dockerfile);
    } catch (NoSuchFileException e) {
      throw HostK8sException.user(ErrorCode.CONFIG_DOCKERFILE_MISSING, "No " + dockerfile + " in the context of " + service + " (" + context + ").",
          "Fix services." + service + ".dockerfile in hostk8s.dev.yaml.");
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    }
  }

  private static String hash(String service, BuildContext scanned, BuildOptions options, String platform) {
    try {
      return ContextHasher.hash(scanned, options.buildArgs(), platform);
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    }
  }
}
