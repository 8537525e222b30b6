package io.hostk8s.dev.testbed.digitalocean.csi;

import io.hostk8s.dev.testbed.kubelet.PodFiles;
import io.hostk8s.dev.testbed.kubelet.PrivateArea;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host directories that are the volumes: {@code <stateDir>/volumes/<volume id>}, a link to a directory in a
 * {@link PrivateArea} (outside the state dir, whose parents may be 0700, so postgres running as {@code postgres}
 * under a root stand-in can reach it). They live as long as the volume or the stand-in.
 */
public final class VolumeDirs implements AutoCloseable {

  private final Path root;
  private final PrivateArea area;

  public VolumeDirs(Path stateDir) {
    this.root = stateDir.resolve("volumes");
    try {
      Files.createDirectories(root);
      this.area = PrivateArea.create();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the volume area: " + e.getMessage(), e);
    }
  }

  /** The directory of volume {@code id} ({@code <stateDir>/volumes/<id>}), created when missing. */
  public Path create(String id) {
    try {
      area.link(id, root.resolve(id));
      return root.resolve(id);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of volume " + id + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the volume's data and its directory. */
  public void delete(String id) {
    area.release(id);
    Path link = root.resolve(id);
    if (Files.isSymbolicLink(link)) {
      try {
        Files.delete(link);
      } catch (IOException e) {
        // best effort: the data is gone already
      }
    } else {
      PodFiles.deleteTree(link);
    }
  }

  public Path path(String id) {
    return root.resolve(id);
  }

  @Override
  public void close() {
    area.close();
  }
}
