package io.hostk8s.dev.build;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Daemonless build + push of a runnable jar with Jib: the base image's layers plus one layer with the jar in
 * {@code /app}, entrypoint {@code java -jar}, user 10001 (as the worker's Dockerfile). Jib talks to the registry
 * itself, so no Docker daemon is needed; plain-HTTP loopback registries are allowed.
 */
public final class JibImageBuilder {
  /** The worker Dockerfile's runtime base. Override with HOSTK8S_JIB_BASE_IMAGE or the build option. */
  public static final String DEFAULT_BASE = "eclipse-temurin:17-jre";
  static final String JDWP = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005";

  /** The hex hash behind the tag: jar content and name, base image, mode and platform. */
  public static String hash(JibRequest request) throws IOException {
    MessageDigest digest = ContextHasher.sha256();
    for (String field : List.of("hostk8s-jib/1", request.baseImage(), request.mode().name(), request.platform(),
        request.jar().getFileName().toString())) {
      digest.update((field + "\n").getBytes(StandardCharsets.UTF_8));
    }
    digest.update(ContextHasher.fileHash(new ContextEntry("jar", request.jar(), ContextEntry.Kind.FILE, 0644, null))
        .getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Builds and pushes; returns the pushed manifest digest ({@code sha256:…}). */
  public String buildAndPush(String service, JibRequest request, Consumer<String> log, Progress progress) {
    return run(service, request, log, progress, null);
  }

  /**
   * Builds into an image tarball at {@code tar} (named with the push reference; {@code docker load -i} / {@code podman
   * load -i} read it) and pushes nothing. Written next to the target and moved into place, so a tar that exists is whole.
   */
  public String buildToTar(String service, JibRequest request, Path tar, Consumer<String> log, Progress progress) {
    Path partial = tar.resolveSibling(tar.getFileName() + ".partial");
    try {
      Files.createDirectories(tar.getParent());
      String digest = run(service, request, log, progress, partial);
      Files.move(partial, tar, StandardCopyOption.REPLACE_EXISTING);
      return digest;
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // a leftover .partial is overwritten by the next build
      }
    }
  }

  private String run(String service, JibRequest request, Consumer<String> log, Progress progress, Path tar) {
    Consumer<LogEvent> events = e -> {
      if (e.getLevel().ordinal() <= LogEvent.Level.LIFECYCLE.ordinal()) {
        log.accept(e.getMessage());
        progress.report(service + ": " + e.getMessage());
      }
    };
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "jib-" + service);
      t.setDaemon(true);
      return t;
    });
    try {
      JibContainerBuilder builder = container(request, events);
      Containerizer to = containerizer(request, events, tar).setExecutorService(executor);
      Future<JibContainer> run = executor.submit(() -> builder.containerize(to));
      while (true) {
        try {
          return run.get(200, TimeUnit.MILLISECONDS).getDigest().toString();
        } catch (TimeoutException e) {
          if (progress.isCancelled()) {
            run.cancel(true);
            throw HostK8sException.user(ErrorCode.CANCELLED, "Build of " + service + " cancelled.", null);
          }
        }
      }
    } catch (InvalidImageReferenceException e) {
      throw HostK8sException.user(ErrorCode.BUILD_FAILED, "Invalid image reference for " + service + ": " + e.getMessage(),
          "Check registry.push and the service's image name in hostk8s.dev.yaml.");
    } catch (IOException e) {
      throw BuildProblems.contextUnreadable(service, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HostK8sException.user(ErrorCode.CANCELLED, "Build of " + service + " interrupted.", null);
    } catch (ExecutionException e) {
      throw JibProblems.map(service, request, e.getCause() == null ? e : e.getCause());
    } finally {
      executor.shutdownNow();
    }
  }

  private static JibContainerBuilder container(JibRequest request, Consumer<LogEvent> events)
      throws InvalidImageReferenceException, IOException {
    JibContainerBuilder builder;
    if ("scratch".equals(request.baseImage())) {
      builder = Jib.fromScratch();
    } else {
      ImageReference base = ImageReference.parse(request.baseImage());
      RegistryImage from = RegistryImage.named(base);
      if (request.credentials() != null && request.target() != null && base.getRegistry().equals(request.target().pushHost())) {
        from.addCredential(request.credentials().username(), request.credentials().password());
      } else {
        from.addCredentialRetriever(CredentialRetrieverFactory.forImage(base, events).dockerConfig());
      }
      builder = Jib.from(from);
    }
    String[] platform = request.platform().split("/");
    String jarName = request.jar().getFileName().toString();
    builder.setPlatforms(Set.of(new Platform(platform.length > 1 ? platform[1] : "amd64", platform[0])))
        .addLayer(List.of(request.jar()), AbsoluteUnixPath.get("/app"))
        .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
        .setUser("10001:10001")
        .setEntrypoint("java", "-jar", "/app/" + jarName)
        .addLabel("io.hostk8s.dev.built-by", "jib");
    if (request.mode() == BuildMode.DEV) {
      builder.addEnvironmentVariable("JAVA_TOOL_OPTIONS", JDWP).addExposedPort(Port.tcp(5005));
    }
    return builder;
  }

  /** The push target with the in-memory credentials when given, else those of ~/.docker/config.json. */
  private static RegistryImage registryTarget(ImageReference target, RegistryCredentials credentials, Consumer<LogEvent> events) {
    RegistryImage image = RegistryImage.named(target);
    return credentials != null ? image.addCredential(credentials.username(), credentials.password())
        : image.addCredentialRetriever(CredentialRetrieverFactory.forImage(target, events).dockerConfig());
  }

  private static Containerizer containerizer(JibRequest request, Consumer<LogEvent> events, Path tar)
      throws InvalidImageReferenceException {
    ImageReference target = ImageReference.parse(request.target().push());
    Containerizer to = (tar != null ? Containerizer.to(TarImage.at(tar).named(target))
            : Containerizer.to(registryTarget(target, request.credentials(), events)))
        .setToolName("hostk8s-dev")
        .setAllowInsecureRegistries(RegistryProbe.isLoopback(request.target().pushHost())
            || !"scratch".equals(request.baseImage()) && RegistryProbe.isLoopback(request.baseImage().split("/")[0]))
        .addEventHandler(LogEvent.class, events);
    if (request.cacheDir() != null) {
      to.setBaseImageLayersCache(request.cacheDir().resolve("base")).setApplicationLayersCache(request.cacheDir().resolve("app"));
    }
    return to;
  }
}
