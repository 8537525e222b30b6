package io.hostk8s.dev.cloud.images;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.build.PodmanEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A copy of the voting app that builds offline for the cloud (tests only): vote's and result's Dockerfile.prod
 * need python:3.12-slim / node:20-slim and PyPI / npm, out of reach here, so the copies get a Dockerfile.prod on
 * the local debootstrap base that copies the same app files into /usr/local/app (result with the checkout's
 * production packages standing in for {@code npm ci --omit=dev}); the worker gets its pom and a runnable jar
 * (Jib). The DigitalOcean stand-in's kubelet runs vote and result from these images' /usr/local/app.
 */
public final class OfflineVotingApp {
  private OfflineVotingApp() {}

  /** A copy of the voting app (vote, result: their app files; worker: pom.xml and a runnable jar) with offline Dockerfile.prod. */
  public static Path create(Path root, PodmanEngine podman) throws IOException {
    Path app = Path.of(System.getProperty("user.dir")).resolve("../voting-app").normalize();
    for (String service : List.of("vote", "result")) {
      copy(app.resolve(service), root.resolve("voting-app").resolve(service));
    }
    offlineProdDockerfiles(root, podman.baseImage());
    Path worker = Files.createDirectories(root.resolve("voting-app/worker/target"));
    Files.copy(app.resolve("worker/pom.xml"), worker.resolveSibling("pom.xml"));
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.hostk8s.worker.Main");
    try (OutputStream out = Files.newOutputStream(worker.resolve("hostk8s-worker.jar"));
         JarOutputStream jar = new JarOutputStream(out, manifest)) {
      jar.flush();
    }
    Files.createDirectories(root.resolve("home"));
    return root;
  }

  /**
   * Replaces vote's and result's Dockerfile.prod in a copy of the voting app ({@code root/voting-app}) by ones on
   * {@code baseImage} that copy the same app files — result with the checkout's production packages (what
   * {@code npm ci --omit=dev} would install) — into /usr/local/app: the DOKS stand-in runs them from the image.
   */
  public static void offlineProdDockerfiles(Path root, String baseImage) throws IOException {
    Files.writeString(root.resolve("voting-app/vote/Dockerfile.prod"), """
        FROM %s
        WORKDIR /usr/local/app
        COPY requirements.txt app.py ./
        COPY templates ./templates
        COPY static ./static
        USER 10001
        CMD ["python3", "app.py"]
        """.formatted(baseImage));
    Files.writeString(root.resolve("voting-app/result/Dockerfile.prod"), """
        FROM %s
        WORKDIR /usr/local/app
        COPY package.json server.js ./
        COPY offline_modules ./node_modules
        COPY src ./src
        COPY views ./views
        COPY public ./public
        USER 1000
        CMD ["node", "server.js"]
        """.formatted(baseImage));
    // under a name .dockerignore does not drop (the registry is out of reach, so no npm ci in the build)
    Path checkout = Path.of(System.getProperty("user.dir")).resolve("../voting-app/result").normalize();
    copyModules(checkout, root.resolve("voting-app/result/offline_modules"));
  }

  /**
   * Replaces vote's and result's Dockerfile.dev in a copy of the voting app ({@code root/voting-app}) by ones on
   * {@code baseImage} that copy the same build context (python:3.12-slim / node:20-slim, PyPI and npm's packages are
   * out of reach here); the worker needs none (Jib).
   */
  public static void offlineDevDockerfiles(Path root, String baseImage) throws IOException {
    Files.writeString(root.resolve("voting-app/vote/Dockerfile.dev"), """
        FROM %s
        WORKDIR /usr/local/app
        COPY . .
        EXPOSE 80 5678
        CMD ["sh", "/usr/local/app/dev-entrypoint.sh"]
        """.formatted(baseImage));
    Files.writeString(root.resolve("voting-app/result/Dockerfile.dev"), """
        FROM %s
        WORKDIR /usr/local/app
        COPY . .
        EXPOSE 80
        CMD ["node", "server.js"]
        """.formatted(baseImage));
  }

  /** result's production packages (package-lock.json's entries not marked {@code dev}); no {@code .bin} links. */
  private static void copyModules(Path result, Path to) throws IOException {
    Set<String> dev = new HashSet<>();
    new ObjectMapper().readTree(result.resolve("package-lock.json").toFile()).path("packages").fields()
        .forEachRemaining(e -> {
          if (e.getValue().path("dev").asBoolean()) {
            dev.add(e.getKey());
          }
        });
    Path from = result.resolve("node_modules").toRealPath();
    Files.walkFileTree(from, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String key = ("node_modules/" + from.relativize(dir)).replaceFirst("/$", "");
        if (dev.contains(key) || dir.getFileName().toString().equals(".bin")) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(to.resolve(from.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, to.resolve(from.relativize(file).toString()), LinkOption.NOFOLLOW_LINKS,
            StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.filter(p -> !p.toString().contains("node_modules")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  public static List<Path> filesContaining(String secret, Path... dirs) throws IOException {
    List<Path> hits = new ArrayList<>();
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).filter(f -> !Files.isSymbolicLink(f)).toList()) {
          try {
            if (Files.size(f) < 64 << 20 && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
              hits.add(f);
            }
          } catch (IOException e) {
            // sockets, vanished files
          }
        }
      }
    }
    return hits;
  }
}
