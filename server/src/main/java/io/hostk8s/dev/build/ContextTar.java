package io.hostk8s.dev.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Writes a {@link BuildContext} as the uncompressed tar the Docker Engine API expects for {@code POST /build}. */
public final class ContextTar {
  private ContextTar() {}

  /** Writes the context into a temporary file (deleted by the caller) and returns it. */
  public static Path write(BuildContext context) throws IOException {
    Path tar = Files.createTempFile("hostk8s-context-", ".tar");
    try (OutputStream out = Files.newOutputStream(tar)) {
      write(context, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tar);
      throw e;
    }
    return tar;
  }

  public static void write(BuildContext context, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (ContextEntry e : context.entries()) {
      TarArchiveEntry entry = switch (e.kind()) {
        case DIRECTORY -> new TarArchiveEntry(e.path() + "/");
        case SYMLINK -> symlink(e);
        case FILE -> new TarArchiveEntry(e.path());
      };
      entry.setMode(e.mode() | modeType(e.kind()));
      entry.setModTime(Files.getLastModifiedTime(e.file(), java.nio.file.LinkOption.NOFOLLOW_LINKS).toMillis());
      if (e.kind() == ContextEntry.Kind.FILE) {
        entry.setSize(Files.size(e.file()));
      }
      tar.putArchiveEntry(entry);
      if (e.kind() == ContextEntry.Kind.FILE) {
        Files.copy(e.file(), tar);
      }
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
  }

  private static TarArchiveEntry symlink(ContextEntry e) {
    TarArchiveEntry entry = new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK);
    entry.setLinkName(e.linkTarget());
    return entry;
  }

  private static int modeType(ContextEntry.Kind kind) {
    return switch (kind) {
      case DIRECTORY -> 040000;
      case SYMLINK -> 0120000;
      case FILE -> 0100000;
    };
  }
}
