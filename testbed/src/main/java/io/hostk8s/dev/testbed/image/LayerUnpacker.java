package io.hostk8s.dev.testbed.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks the part of one layer (a tar, gzip-compressed or not) that lies under one directory of the image, e.g.
 * {@code usr/local/app}: its files into {@code files/}, and its whiteouts (OCI: {@code .wh.<name>} deletes
 * {@code name} of the layers below, {@code .wh..wh..opq} empties its directory) as lines of {@code whiteouts}:
 * {@code all}, {@code delete <path>}, {@code opaque <path>} (paths relative to that directory). An entry that
 * would land outside the image's root is refused (the layer is rejected); nothing is ever written through a
 * symbolic link.
 */
final class LayerUnpacker {
  static final String WHITEOUT = ".wh.";
  static final String OPAQUE = ".wh..wh..opq";
  private static final Logger LOG = Logger.getLogger(LayerUnpacker.class.getName());

  private final Path dirInImage;

  /** @param dirInImage the directory to keep, relative to the image root (e.g. {@code usr/local/app}) */
  LayerUnpacker(Path dirInImage) {
    this.dirInImage = dirInImage;
  }

  void unpack(Path blob, String digest, Path out) throws IOException {
    Path files = Files.createDirectories(out.resolve("files"));
    List<String> whiteouts = new ArrayList<>();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(blob));
         TarArchiveInputStream tar = new TarArchiveInputStream(decompressed(raw, digest))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path inImage = safePath(e.getName(), digest);
        String name = inImage.getFileName() == null ? "" : inImage.getFileName().toString();
        if (name.startsWith(WHITEOUT)) {
          whiteout(inImage, name, whiteouts);
          continue;
        }
        if (!inImage.startsWith(dirInImage) || inImage.equals(dirInImage)) {
          continue;
        }
        Path rel = dirInImage.relativize(inImage);
        Path target = files.resolve(rel.toString());
        requireNoLinkBetween(files, target.getParent());
        Files.createDirectories(target.getParent());
        if (e.isDirectory()) {
          if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(target);
            Files.createDirectory(target);
          }
          permissions(target, e.getMode() | 0700);
        } else if (e.isSymbolicLink()) {
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
          hardLink(files, target, e, digest);
        } else if (e.isFile()) {
          Files.deleteIfExists(target);
          Files.copy(tar, target);
          permissions(target, e.getMode());
        } else {
          LOG.fine(() -> digest + ": skipping special file " + inImage);
        }
      }
    }
    Files.write(out.resolve("whiteouts"), whiteouts);
  }

  private void whiteout(Path inImage, String name, List<String> whiteouts) {
    Path dir = inImage.getParent() == null ? Path.of("") : inImage.getParent();
    if (name.equals(OPAQUE)) {
      if (dirInImage.startsWith(dir)) {
        whiteouts.add("all");
      } else if (dir.startsWith(dirInImage)) {
        whiteouts.add("opaque " + dirInImage.relativize(dir));
      }
      return;
    }
    Path deleted = dir.resolve(name.substring(WHITEOUT.length()));
    if (dirInImage.startsWith(deleted)) {
      whiteouts.add("all");
    } else if (deleted.startsWith(dirInImage)) {
      whiteouts.add("delete " + dirInImage.relativize(deleted));
    }
  }

  private void hardLink(Path files, Path target, TarArchiveEntry e, String digest) throws IOException {
    Path linked = safePath(e.getLinkName(), digest);
    Path source = linked.startsWith(dirInImage) ? files.resolve(dirInImage.relativize(linked).toString()) : null;
    if (source == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      LOG.fine(() -> digest + ": hard link " + e.getName() + " to " + linked + " outside what is unpacked: skipped");
      return;
    }
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The entry's path relative to the image root; an absolute or escaping name rejects the layer. */
  static Path safePath(String entryName, String digest) throws IOException {
    String name = entryName.replaceFirst("^(\\./|/)+", "");
    Path p = Path.of(name).normalize();
    if (p.isAbsolute() || p.startsWith("..")) {
      throw new IOException("layer " + digest + ": entry '" + entryName + "' points outside the image: refused");
    }
    return p;
  }

  /** Refuses to write below a symbolic link inside {@code root} (it could point anywhere on the host). */
  static void requireNoLinkBetween(Path root, Path dir) throws IOException {
    for (Path p = dir; p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        throw new IOException("refusing to write below the symbolic link " + root.relativize(p));
      }
    }
  }

  private static InputStream decompressed(InputStream raw, String digest) throws IOException {
    raw.mark(4);
    int b0 = raw.read();
    int b1 = raw.read();
    int b2 = raw.read();
    int b3 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GzipCompressorInputStream(raw, true);
    }
    if (b0 == 0x28 && b1 == 0xb5 && b2 == 0x2f && b3 == 0xfd) {
      throw new IOException("layer " + digest + " is zstd-compressed: not supported by the sandbox's image pull");
    }
    return raw;
  }

  static void permissions(Path p, int mode) throws IOException {
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(order[i]);
      }
    }
    Files.setPosixFilePermissions(p, perms);
  }
}
