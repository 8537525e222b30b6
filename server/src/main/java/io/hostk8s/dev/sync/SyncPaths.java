package io.hostk8s.dev.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Path safety. Local paths become {@code /}-separated paths relative to the sync source, and only when they stay
 * inside it; target paths are joined under the container directory and refused when they would leave it. Symlinks
 * are followed only when they resolve inside the source. Names with a newline, NUL or backslash are refused (they
 * cannot be named safely in the exec protocol nor mean the same on every OS).
 */
public final class SyncPaths {
  private SyncPaths() {}

  /**
   * The {@code /}-separated path of {@code file} relative to {@code root}, or a refusal when it is not strictly
   * inside {@code root} or has a name that cannot be synced.
   */
  public static Result relative(Path root, Path file) {
    Path r = root.toAbsolutePath().normalize();
    Path f = file.toAbsolutePath().normalize();
    if (!f.startsWith(r) || f.equals(r)) {
      return Result.refused(file.toString(), "outside the sync source " + r);
    }
    StringBuilder sb = new StringBuilder();
    for (Path part : r.relativize(f)) {
      String name = part.toString();
      if (name.equals("..") || name.equals(".")) {
        return Result.refused(file.toString(), "'" + name + "' component");
      }
      sb.append(sb.length() == 0 ? "" : "/").append(name);
    }
    String rel = sb.toString();
    Optional<String> bad = badName(rel);
    return bad.isPresent() ? Result.refused(rel, bad.get()) : Result.ok(rel);
  }

  /** Why a relative path from outside (a command argument, a pod listing) is unsafe, or empty when it is fine. */
  public static Optional<String> checkRelative(String rel) {
    if (rel == null || rel.isEmpty()) {
      return Optional.of("empty path");
    }
    if (rel.startsWith("/")) {
      return Optional.of("absolute path");
    }
    for (String part : rel.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return Optional.of(part.equals("..") ? "'..' leaves the target" : "empty or '.' segment");
      }
    }
    return badName(rel);
  }

  private static Optional<String> badName(String rel) {
    for (int i = 0; i < rel.length(); i++) {
      char c = rel.charAt(i);
      if (c == '\n' || c == '\r' || c == 0) {
        return Optional.of("newline or NUL in the name");
      }
      if (c == '\\') {
        return Optional.of("backslash in the name");
      }
    }
    return Optional.empty();
  }

  /**
   * The container directory of a rule, checked: absolute, normalised, not {@code /}, no {@code ..}, no newline.
   * Returns the reason it is refused, or empty.
   */
  public static Optional<String> checkTarget(String to) {
    if (to == null || !to.startsWith("/")) {
      return Optional.of("the sync target must be an absolute directory in the container, not '" + to + "'");
    }
    String trimmed = to.replaceAll("/+$", "");
    if (trimmed.isEmpty()) {
      return Optional.of("the sync target may not be the container's root directory /");
    }
    Optional<String> bad = checkRelative(trimmed.substring(1));
    return bad.map(b -> "the sync target '" + to + "' is not a plain absolute path (" + b + ")");
  }

  /** {@code to} + {@code /} + {@code rel}, only for a checked target and a safe relative path. */
  public static String target(String to, String rel) {
    String base = to.replaceAll("/+$", "");
    Optional<String> bad = checkRelative(rel);
    if (bad.isPresent() || checkTarget(to).isPresent()) {
      throw new IllegalArgumentException("unsafe sync path " + to + " + " + rel + ": " + bad.orElse("bad target"));
    }
    return base + "/" + rel;
  }

  /**
   * What to read for a local path: the file itself, or for a symlink the file it resolves to when that is inside
   * {@code root}. A symlink pointing outside (or dangling) is refused.
   */
  public static Result readable(Path root, Path file, String rel) {
    if (!Files.isSymbolicLink(file)) {
      return Result.ok(rel);
    }
    try {
      Path real = file.toRealPath();
      Path realRoot = root.toRealPath();
      if (!real.startsWith(realRoot)) {
        return Result.refused(rel, "symlink pointing outside the sync source (" + real + ")");
      }
      return Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) ? Result.ok(rel) : Result.refused(rel, "symlink to a directory");
    } catch (IOException e) {
      return Result.refused(rel, "dangling symlink");
    }
  }

  /** A safe relative path, or the reason it was refused. */
  public record Result(String path, String refusal) {
    static Result ok(String rel) {
      return new Result(rel, null);
    }

    static Result refused(String path, String reason) {
      return new Result(path, reason);
    }

    public boolean ok() {
      return refusal == null;
    }
  }
}
