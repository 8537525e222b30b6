package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Empty directories created on the host so that container paths can serve as bind-mount targets; removed again
 * (only if still empty) when the sandbox closes.
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

  /** Removes the empty mount points created by this JVM, deepest first. */
  public static void cleanUp() {
    List<Path> copy;
    synchronized (CREATED) {
      copy = new ArrayList<>(CREATED);
      CREATED.clear();
    }
    copy.sort((a, b) -> b.getNameCount() - a.getNameCount());
    for (Path p : copy) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // not empty or still in use by another sandbox: leave it
      }
    }
  }
}
