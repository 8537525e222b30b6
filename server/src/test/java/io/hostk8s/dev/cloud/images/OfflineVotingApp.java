package io.hostk8s.dev.cloud.images;

import io.hostk8s.dev.build.PodmanEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A copy of the voting app that builds offline for the cloud (tests only): vote's and result's Dockerfile.prod
 * need python:3.12-slim / node:20-slim and PyPI / npm, out of reach here, so the copies get a Dockerfile.prod on
 * the local debootstrap base that copies the same app files; the worker gets its pom and a runnable jar (Jib).
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

  /** Replaces vote's and result's Dockerfile.prod in a copy of the voting app by ones on {@code baseImage} that copy the same app files. */
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
        COPY src ./src
        USER 1000
        CMD ["node", "server.js"]
        """.formatted(baseImage));
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
