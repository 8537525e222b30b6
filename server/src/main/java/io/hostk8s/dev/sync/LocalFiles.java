package io.hostk8s.dev.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local side: walks a sync source (skipping prunable ignored directories) and hashes files (SHA-256, cached by
 * size + modification time). Only reads local files, never writes them.
 */
final class LocalFiles {
  /** A local file to sync: its source, root-relative path and the path to read (the file or its symlink target). */
  record Entry(SyncSource source, String rel, Path path) {}

  /** The result of a walk: files to sync, and paths refused with the reason. */
  record Scan(List<Entry> files, List<BatchPlan.Skip> refused) {}

  private record Cached(long size, long mtime, String hash) {}

  private final Map<Path, Cached> hashes = new ConcurrentHashMap<>();

  /** Every syncable file below {@code dir} (a directory inside the source, or its root). */
  Scan scan(SyncSource source, Path dir) throws IOException {
    List<Entry> files = new ArrayList<>();
    List<BatchPlan.Skip> refused = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return new Scan(files, refused);
    }
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
        if (d.equals(source.root())) {
          return FileVisitResult.CONTINUE;
        }
        SyncPaths.Result r = SyncPaths.relative(source.root(), d);
        if (!r.ok()) {
          refused.add(new BatchPlan.Skip(r.path(), r.refusal()));
          return FileVisitResult.SKIP_SUBTREE;
        }
        return source.ignore().prunable(r.path()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
        entry(source, f).ifPresent(e -> {
          if (e.refusal() != null) {
            refused.add(new BatchPlan.Skip(e.rel(), e.refusal()));
          } else {
            files.add(new Entry(source, e.rel(), f));
          }
        });
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path f, IOException e) {
        return FileVisitResult.CONTINUE; // vanished while walking: the watcher reports it
      }
    });
    return new Scan(files, refused);
  }

  /** A candidate: its relative path and a refusal reason (null when fine). Empty when ignored. */
  record Candidate(String rel, String refusal) {}

  /** Classifies one existing non-directory local path: empty when ignored, else a file to sync or a refusal. */
  java.util.Optional<Candidate> entry(SyncSource source, Path file) {
    SyncPaths.Result r = SyncPaths.relative(source.root(), file);
    if (!r.ok()) {
      return java.util.Optional.of(new Candidate(r.path(), r.refusal()));
    }
    if (source.ignore().ignored(r.path(), false)) {
      return java.util.Optional.empty();
    }
    SyncPaths.Result readable = SyncPaths.readable(source.root(), file, r.path());
    return java.util.Optional.of(new Candidate(r.path(), readable.refusal()));
  }

  /** SHA-256 (hex) of the file's content, from the cache when size and modification time are unchanged. */
  String hash(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    long mtime = a.lastModifiedTime().toMillis();
    Cached c = hashes.get(file);
    if (c != null && c.size() == a.size() && c.mtime() == mtime) {
      return c.hash();
    }
    String h;
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = sha256();
      byte[] buf = new byte[64 * 1024];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      h = HexFormat.of().formatHex(md.digest());
    }
    hashes.put(file, new Cached(a.size(), mtime, h));
    return h;
  }

  /** The hash of already-read bytes (what was really sent). */
  static String hash(byte[] content) {
    return HexFormat.of().formatHex(sha256().digest(content));
  }

  /** Forgets cached hashes of paths that no longer exist (keeps the cache bounded by the tree). */
  void forget(Path path) {
    hashes.keySet().removeIf(p -> p.startsWith(path));
  }

  static boolean exists(Path p) {
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
  }

  static boolean isMissing(IOException e) {
    return e instanceof NoSuchFileException;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
