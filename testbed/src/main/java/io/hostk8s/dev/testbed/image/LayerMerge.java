package io.hostk8s.dev.testbed.image;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Stacks unpacked layers ({@link LayerUnpacker}'s output), lowest first: each one's whiteouts, then its files (hard
 * links into the layer cache: both are the puller's own, never written again).
 */
final class LayerMerge {
  private LayerMerge() {}

  static void apply(Path unpackedLayer, Path target) throws IOException {
    for (String line : Files.readAllLines(unpackedLayer.resolve("whiteouts"))) {
      if (line.equals("all")) {
        clear(target);
      } else if (line.startsWith("delete ")) {
        Path p = inside(target, line.substring("delete ".length()));
        delete(p);
      } else if (line.startsWith("opaque ")) {
        Path p = inside(target, line.substring("opaque ".length()));
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          clear(p);
        }
      }
    }
    Path files = unpackedLayer.resolve("files");
    Files.walkFileTree(files, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path to = target.resolve(files.relativize(dir).toString());
        LayerUnpacker.requireNoLinkBetween(target, to.getParent());
        if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
          delete(to);
          Files.createDirectories(to);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Path to = target.resolve(files.relativize(file).toString());
        LayerUnpacker.requireNoLinkBetween(target, to.getParent());
        delete(to);
        if (attrs.isRegularFile()) {
          Files.createLink(to, file); // the cache is read only; pods get copies of it (PodFiles.seed)
        } else {
          Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static Path inside(Path root, String rel) throws IOException {
    Path p = root.resolve(rel).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw new IOException("whiteout '" + rel + "' points outside the app dir");
    }
    LayerUnpacker.requireNoLinkBetween(root, p.getParent());
    return p;
  }

  static void clear(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      for (Path c : children.toList()) {
        delete(c);
      }
    }
  }

  /** Deletes a file, a link (not what it points to) or a whole tree. */
  static void delete(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> children = Files.list(p)) {
        for (Path c : children.toList()) {
          delete(c);
        }
      }
    }
    Files.deleteIfExists(p);
  }
}
