package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** File helpers for pod roots: seeding app dirs (skipping caches and VCS dirs) and recursive deletes. */
public final class PodFiles {

  private static final Set<String> SKIP = Set.of(".git", "__pycache__", ".venv", "venv", "target",
      ".run-local", ".pytest_cache");

  private PodFiles() {
  }

  /** Copies each seed source into its container path, unless that dir already has content. */
  static void seed(Map<Path, String> seeds, Function<String, Path> hostPath) throws IOException {
    for (Map.Entry<Path, String> s : seeds.entrySet()) {
      Path target = hostPath.apply(s.getValue());
      Files.createDirectories(target);
      try (Stream<Path> existing = Files.list(target)) {
        if (existing.findAny().isPresent()) {
          continue;
        }
      }
      copyTree(s.getKey(), target);
    }
  }

  static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (!dir.equals(source) && SKIP.contains(dir.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
          // A linked directory (e.g. a worktree's node_modules) would otherwise be copied as an empty directory.
          Path link = target.resolve(source.relativize(file).toString());
          Files.deleteIfExists(link);
          Files.createSymbolicLink(link, linkTarget(file));
          return FileVisitResult.CONTINUE;
        }
        Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.COPY_ATTRIBUTES);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static Path linkTarget(Path link) throws IOException {
    try {
      return link.toRealPath();
    } catch (IOException dangling) {
      return Files.readSymbolicLink(link);
    }
  }

  /** Deletes a tree, ignoring files that vanish meanwhile. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
