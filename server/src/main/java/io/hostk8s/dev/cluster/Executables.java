package io.hostk8s.dev.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds an executable on a PATH string (the workspace's environment, not necessarily this JVM's). */
final class Executables {
  private Executables() {}

  static Optional<Path> onPath(String path, String exe) {
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
        return Optional.of(Path.of(dir, exe));
      }
    }
    return Optional.empty();
  }
}
