package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Per-sandbox directories outside the workspace, for pod data another OS user must reach (postgres runs as
 * {@code postgres} under a root sandbox and cannot traverse a workspace below a 0700 dir):
 * {@code ${java.io.tmpdir}/hostk8s-sandbox-<uid>/<16 random hex>/p<n>/<name>}. Every level is 0711 and owned by
 * the sandbox's user — traversable, neither listable nor writable by others — so the random name keeps it private.
 * A pod's dir goes with the pod, the sandbox's dir when it closes; dirs of sandboxes that died are removed at start.
 */
public final class PrivateArea implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PrivateArea.class.getName());
  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> TRAVERSE_ONLY = PosixFilePermissions.fromString("rwx--x--x");
  private static final String OWNER_FILE = ".owner";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final Map<String, Path> pods = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();

  private PrivateArea(Path dir) {
    this.dir = dir;
  }

  /** Creates this sandbox's private dir (and the per-user base dir when missing). */
  public static PrivateArea create() throws IOException {
    long uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    Path base = Path.of(System.getProperty("java.io.tmpdir")).resolve("hostk8s-sandbox-" + uid);
    for (int attempt = 0; ; attempt++) {
      try {
        ensureBase(base, uid);
        removeOrphans(base);
        Path dir = base.resolve(HexFormat.of().formatHex(bytes(8)));
        makeDir(dir);
        Files.writeString(dir.resolve(OWNER_FILE), ProcessHandle.current().pid() + " " + startedAt() + "\n");
        return new PrivateArea(dir);
      } catch (NoSuchFileException e) {
        if (attempt >= 3) { // another sandbox removed the empty base meanwhile: try again
          throw e;
        }
      }
    }
  }

  /** This sandbox's private dir. */
  public Path dir() {
    return dir;
  }

  /**
   * Makes {@code link} (a pod-root path) a symlink to a fresh private dir of pod {@code uid} and returns that dir;
   * the same link of the same pod gets the same dir again (the data survives a relaunch of the pod).
   */
  public synchronized Path link(String uid, Path link) throws IOException {
    Path podDir = pods.computeIfAbsent(uid, u -> dir.resolve("p" + next.incrementAndGet()));
    makeDir(podDir);
    Path target = podDir.resolve(link.getFileName().toString());
    if (Files.isSymbolicLink(link)) {
      if (Files.readSymbolicLink(link).equals(target) && Files.isDirectory(target)) {
        return target;
      }
      Files.delete(link);
    } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
      PodFiles.deleteTree(link);
    }
    makeDir(target);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target);
    return target;
  }

  /** Deletes the private dirs of pod {@code uid} (its processes must have stopped). */
  public void release(String uid) {
    Path podDir = pods.remove(uid);
    if (podDir != null) {
      PodFiles.deleteTree(podDir);
    }
  }

  /** Deletes this sandbox's private dir, and the base dir if no other sandbox uses it. */
  @Override
  public void close() {
    pods.clear();
    PodFiles.deleteTree(dir);
    try {
      Files.deleteIfExists(dir.getParent());
    } catch (IOException e) {
      // another sandbox's dir is still there
    }
  }

  private static void ensureBase(Path base, long uid) throws IOException {
    try {
      Files.createDirectory(base, PosixFilePermissions.asFileAttribute(PRIVATE));
    } catch (FileAlreadyExistsException e) {
      // ours from before, or another user's: checked below
    }
    PosixFileAttributes a = Files.readAttributes(base, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    long owner = ((Number) Files.getAttribute(base, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    if (!a.isDirectory() || owner != uid) {
      throw new IOException(base + " exists but is not a directory owned by uid " + uid + ": remove it");
    }
    Files.setPosixFilePermissions(base, TRAVERSE_ONLY);
  }

  private static void makeDir(Path d) throws IOException {
    try {
      Files.createDirectory(d, PosixFilePermissions.asFileAttribute(PRIVATE));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
        throw e;
      }
    }
    Files.setPosixFilePermissions(d, TRAVERSE_ONLY);
  }

  /** Removes the dirs of sandboxes whose JVM is gone (killed with SIGKILL: no close()). */
  private static void removeOrphans(Path base) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base)) {
      for (Path d : dirs) {
        if (ownerGone(d)) {
          LOG.info(() -> "removing the private dir of a sandbox that is gone: " + d);
          PodFiles.deleteTree(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort
    }
  }

  private static boolean ownerGone(Path d) {
    try {
      String[] f = Files.readString(d.resolve(OWNER_FILE)).strip().split(" ");
      return f.length != 2 || !ProcessHandle.of(Long.parseLong(f[0]))
          .map(p -> String.valueOf(p.info().startInstant().orElse(null)).equals(f[1])).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false; // being created (no owner file yet), or not ours to judge
    }
  }

  private static String startedAt() {
    return String.valueOf(ProcessHandle.current().info().startInstant().orElse(null));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
