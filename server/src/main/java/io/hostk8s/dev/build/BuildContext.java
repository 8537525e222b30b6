package io.hostk8s.dev.build;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The files Docker receives for a build: everything under the context directory that .dockerignore does not
 * exclude, sorted by path. The Dockerfile and .dockerignore are always sent (as the docker CLI does), even when
 * .dockerignore names them.
 */
public final class BuildContext {
  private final Path root;
  private final String dockerfile;
  private final List<ContextEntry> entries;

  private BuildContext(Path root, String dockerfile, List<ContextEntry> entries) {
    this.root = root;
    this.dockerfile = dockerfile;
    this.entries = List.copyOf(entries);
  }

  /** Scans {@code root}; {@code dockerfile} is relative to it ({@code /}-separated). */
  public static BuildContext scan(Path root, String dockerfile) throws IOException {
    Path base = root.toAbsolutePath().normalize();
    String df = DockerIgnore.clean(dockerfile);
    DockerIgnore ignore = DockerIgnore.load(base);
    List<ContextEntry> entries = new ArrayList<>();
    Files.walkFileTree(base, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        if (dir.equals(base)) {
          return FileVisitResult.CONTINUE;
        }
        String rel = relative(base, dir);
        if (ignore.excludes(rel)) {
          return ignore.hasExceptions() ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
        }
        entries.add(new ContextEntry(rel, dir, ContextEntry.Kind.DIRECTORY, mode(dir), null));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        String rel = relative(base, file);
        boolean always = rel.equals(df) || rel.equals(".dockerignore");
        if (!always && ignore.excludes(rel)) {
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          entries.add(new ContextEntry(rel, file, ContextEntry.Kind.SYMLINK, 0777, Files.readSymbolicLink(file).toString()));
        } else if (attrs.isRegularFile()) {
          entries.add(new ContextEntry(rel, file, ContextEntry.Kind.FILE, mode(file), null));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    entries.sort(Comparator.comparing(ContextEntry::path));
    if (entries.stream().noneMatch(e -> e.path().equals(df) && e.kind() == ContextEntry.Kind.FILE)) {
      throw new java.nio.file.NoSuchFileException(base.resolve(df).toString(), null, "Dockerfile not found in the build context");
    }
    return new BuildContext(base, df, withParentsOf(entries));
  }

  public Path root() {
    return root;
  }

  /** The Dockerfile's path relative to the context root. */
  public String dockerfile() {
    return dockerfile;
  }

  public List<ContextEntry> entries() {
    return entries;
  }

  /** Directories re-included through a {@code !} exception keep their parents, so the tar is well formed. */
  private static List<ContextEntry> withParentsOf(List<ContextEntry> entries) {
    Set<String> dirs = new java.util.HashSet<>();
    entries.stream().filter(e -> e.kind() == ContextEntry.Kind.DIRECTORY).forEach(e -> dirs.add(e.path()));
    List<ContextEntry> out = new ArrayList<>(entries);
    for (ContextEntry e : entries) {
      Path file = e.file().getParent();
      for (String p = parent(e.path()); p != null && dirs.add(p); p = parent(p), file = file.getParent()) {
        out.add(new ContextEntry(p, file, ContextEntry.Kind.DIRECTORY, 0755, null));
      }
    }
    out.sort(Comparator.comparing(ContextEntry::path));
    return out;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? null : path.substring(0, slash);
  }

  private static String relative(Path base, Path p) {
    return base.relativize(p).toString().replace('\\', '/');
  }

  private static int mode(Path p) throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
      int mode = 0;
      for (PosixFilePermission perm : perms) {
        mode |= 1 << (8 - perm.ordinal());
      }
      return mode;
    } catch (UnsupportedOperationException e) {
      return Files.isDirectory(p) ? 0755 : (Files.isExecutable(p) ? 0755 : 0644);
    }
  }
}
