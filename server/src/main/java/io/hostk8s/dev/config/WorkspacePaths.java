package io.hostk8s.dev.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves config paths against a directory and refuses those that leave it (lexically or through symlinks). */
public final class WorkspacePaths {
  private WorkspacePaths() {}

  /** {@code value} resolved under {@code root}, or empty when it is not a valid path or leaves {@code root}. */
  public static Optional<Path> inside(Path root, String value) {
    try {
      Path base = root.toAbsolutePath().normalize();
      Path resolved = base.resolve(value).normalize();
      if (!resolved.startsWith(base)) {
        return Optional.empty();
      }
      if (Files.exists(resolved) && Files.exists(base) && !resolved.toRealPath().startsWith(base.toRealPath())) {
        return Optional.empty();
      }
      return Optional.of(resolved);
    } catch (InvalidPathException | IOException e) {
      return Optional.empty();
    }
  }
}
