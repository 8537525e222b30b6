package io.hostk8s.dev.build;

import java.nio.file.Path;

/**
 * One entry of a build context: its {@code /}-separated path relative to the context root, the file on disk,
 * its kind, the POSIX mode bits and, for a symlink, its target.
 */
public record ContextEntry(String path, Path file, Kind kind, int mode, String linkTarget) {
  public enum Kind { FILE, DIRECTORY, SYMLINK }

  public boolean executable() {
    return (mode & 0111) != 0;
  }
}
