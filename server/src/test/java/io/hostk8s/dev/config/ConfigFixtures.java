package io.hostk8s.dev.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test workspaces and fixture files for config tests. */
public final class ConfigFixtures {
  private ConfigFixtures() {}

  /** Text of {@code src/test/resources/fixtures/config/<name>}. */
  public static String fixture(String name) {
    try (InputStream in = ConfigFixtures.class.getResourceAsStream("/fixtures/config/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lays out the voting app's directories (contexts with their Dockerfiles, manifests) under {@code root}. */
  public static Path votingWorkspace(Path root) {
    try {
      for (String svc : new String[] {"vote", "worker", "result"}) {
        Path ctx = Files.createDirectories(root.resolve("voting-app").resolve(svc));
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\n");
        Files.writeString(ctx.resolve("Dockerfile.dev"), "FROM scratch\n");
      }
      Files.createDirectories(root.resolve("voting-app/k8s/local"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path write(Path root, String file, String text) {
    try {
      Path p = root.resolve(file);
      Files.createDirectories(p.getParent());
      return Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
