package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Empty directories created on the host so that container paths can serve as bind-mount targets; removed again
 * when the sandbox closes, if still empty and no process anywhere (another sandbox, another JVM) has something
 * mounted there: removing a directory that is a mount point in another mount namespace silently detaches that
 * mount.
 */
public final class MountPoints {

  private static final List<Path> CREATED = Collections.synchronizedList(new ArrayList<>());

  private MountPoints() {
  }

  static void ensure(Path target) throws IOException {
    Path missing = target.toAbsolutePath();
    Path first = null;
    while (missing != null && !Files.exists(missing)) {
      first = missing;
      missing = missing.getParent();
    }
    if (first == null) {
      return;
    }
    Files.createDirectories(target);
    synchronized (CREATED) {
      for (Path p = target; p != null && p.startsWith(first); p = p.getParent()) {
        if (!CREATED.contains(p)) {
          CREATED.add(p);
        }
      }
    }
  }

  /** Mount points of every mount namespace on the machine (field 5 of each /proc/PID/mountinfo line). */
  static Set<String> mountedAnywhere() {
    Set<String> points = new HashSet<>();
    Set<String> seenNamespaces = new HashSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs.filter(d -> d.getFileName().toString().matches("\\d+")).forEach(d -> {
        try {
          String ns = Files.readSymbolicLink(d.resolve("ns/mnt")).toString();
          if (seenNamespaces.add(ns)) {
            for (String line : Files.readAllLines(d.resolve("mountinfo"))) {
              String[] f = line.split(" ");
              if (f.length > 4) {
                points.add(f[4].replace("\\040", " "));
              }
            }
          }
        } catch (IOException | RuntimeException e) {
          // process gone or not ours to read
        }
      });
    } catch (IOException e) {
      // no /proc: nothing known to be mounted
    }
    return points;
  }

  /** Removes the empty mount points created by this JVM, deepest first. */
  public static void cleanUp() {
    List<Path> copy;
    synchronized (CREATED) {
      copy = new ArrayList<>(CREATED);
      CREATED.clear();
    }
    copy.sort((a, b) -> b.getNameCount() - a.getNameCount());
    Set<String> mounted = mountedAnywhere();
    for (Path p : copy) {
      if (mounted.stream().anyMatch(m -> Path.of(m).startsWith(p))) {
        continue;
      }
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // not empty or still in use by another sandbox: leave it
      }
    }
  }
}
