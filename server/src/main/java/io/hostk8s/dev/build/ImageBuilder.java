package io.hostk8s.dev.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Version;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Builds a Dockerfile through the Docker Engine API (Docker or Podman): sends the context tar, always with
 * {@code forcerm} (a failed build leaves no intermediate containers), streams the log line by line to the
 * consumer and to the progress, and closes the stream when the user cancels (the daemon then stops the build).
 */
public final class ImageBuilder {
  private static final Logger LOG = Logger.getLogger(ImageBuilder.class.getName());
  private static final long POLL_MS = 200;
  private static final java.util.Map<String, String> PLATFORMS = new java.util.concurrent.ConcurrentHashMap<>();

  private final DockerClients.Docker docker;

  public ImageBuilder(DockerClients.Docker docker) {
    this.docker = docker;
  }

  /**
   * The daemon's own platform, e.g. {@code linux/amd64} or {@code linux/arm64} (what a Kind node runs). A daemon
   * on a local socket runs on this machine (Docker Desktop and Podman machines use the host's architecture), so
   * its platform is the JVM's; a {@code tcp://} daemon is asked ({@code GET /version}, which Podman answers
   * slowly: seconds), once per endpoint.
   */
  public String nativePlatform() {
    if (docker.endpoint().isUnix()) {
      return "linux/" + normalizeArch(System.getProperty("os.arch"));
    }
    return PLATFORMS.computeIfAbsent(docker.endpoint().uri().toString(), k -> queryPlatform());
  }

  private String queryPlatform() {
    try {
      Version v = docker.client().versionCmd().exec();
      String os = v.getOperatingSystem() == null || v.getOperatingSystem().isBlank() ? "linux" : v.getOperatingSystem();
      return os + "/" + normalizeArch(v.getArch());
    } catch (RuntimeException e) {
      throw BuildProblems.daemonCall("report its version", docker.endpoint(), e);
    }
  }

  /** True when the daemon already has an image under this reference. */
  public boolean hasImage(String reference) {
    try {
      docker.client().inspectImageCmd(reference).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (RuntimeException e) {
      throw BuildProblems.daemonCall("inspect " + reference, docker.endpoint(), e);
    }
  }

  /** Runs the build; returns the image id. {@code service} names it in errors. */
  public String build(String service, BuildRequest request, Consumer<String> log, Progress progress) {
    Path tar;
    try {
      tar = ContextTar.write(request.context());
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    }
    Consumer<String> sink = line -> {
      log.accept(line);
      progress.report(service + ": " + line);
    };
    try (InputStream in = Files.newInputStream(tar)) {
      return run(service, command(request, in), request.pull(), sink, progress);
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    } finally {
      try {
        Files.deleteIfExists(tar);
      } catch (IOException e) {
        LOG.fine("cannot delete " + tar + ": " + e);
      }
    }
  }

  private BuildImageCmd command(BuildRequest request, InputStream tar) {
    BuildImageCmd cmd = docker.client().buildImageCmd()
        .withTarInputStream(tar)
        .withDockerfilePath(request.context().dockerfile())
        .withTags(request.tags())
        .withPull(request.pull())
        .withForcerm(true)
        .withRemove(true);
    if (request.platform() != null) {
      cmd.withPlatform(request.platform());
    }
    for (Map.Entry<String, String> arg : new java.util.TreeMap<>(request.buildArgs()).entrySet()) {
      cmd.withBuildArg(arg.getKey(), arg.getValue());
    }
    return cmd;
  }

  private String run(String service, BuildImageCmd cmd, boolean pull, Consumer<String> sink, Progress progress) {
    BuildLogCallback callback = new BuildLogCallback(sink);
    try {
      cmd.exec(callback);
      while (!callback.awaitDone(POLL_MS)) {
        if (progress.isCancelled()) {
          closeQuietly(callback);
          throw HostK8sException.user(ErrorCode.CANCELLED, "Build of " + service + " cancelled.", null);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(callback);
      throw HostK8sException.user(ErrorCode.CANCELLED, "Build of " + service + " interrupted.", null);
    } catch (RuntimeException e) {
      if (e instanceof HostK8sException) {
        throw e;
      }
      throw BuildProblems.daemonCall("build " + service, docker.endpoint(), e);
    }
    if (callback.error() != null) {
      throw BuildProblems.buildFailed(service, callback.step(), callback.error(), pull);
    }
    if (callback.failure() instanceof RuntimeException re) {
      throw BuildProblems.daemonCall("build " + service, docker.endpoint(), re);
    }
    if (callback.failure() != null) {
      throw BuildProblems.daemonCall("build " + service, docker.endpoint(), new RuntimeException(callback.failure()));
    }
    if (callback.imageId() == null) {
      throw BuildProblems.buildFailed(service, callback.step(), "the daemon ended the build without an image id", pull);
    }
    return callback.imageId();
  }

  private static void closeQuietly(BuildLogCallback callback) {
    try {
      callback.close();
    } catch (IOException e) {
      LOG.fine("closing build stream: " + e);
    }
  }

  static String normalizeArch(String arch) {
    if (arch == null || arch.isBlank()) {
      return "amd64";
    }
    return switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
  }
}
