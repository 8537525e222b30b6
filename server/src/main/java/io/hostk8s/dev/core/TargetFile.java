package io.hostk8s.dev.core;

import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The target remembered for a workspace: one word in {@code .hostk8s/target} (absent: local). */
final class TargetFile {
  private static final Logger LOG = Logger.getLogger(TargetFile.class.getName());

  private TargetFile() {}

  static Path file(Path stateDir) {
    return stateDir.resolve("target");
  }

  static Target read(Path stateDir) {
    Path f = file(stateDir);
    if (!Files.isRegularFile(f)) {
      return Target.LOCAL;
    }
    try {
      return Target.parse(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException | HostK8sException e) {
      LOG.log(Level.WARNING, "ignoring " + f + " (" + e.getMessage() + "): the target is local");
      return Target.LOCAL;
    }
  }

  static void write(Path stateDir, Target target) {
    Path f = file(stateDir);
    try {
      Files.createDirectories(stateDir);
      Path tmp = Files.createTempFile(stateDir, ".target-", ".part");
      Files.writeString(tmp, target.id() + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw HostK8sException.internal("cannot write " + f + ": " + e.getMessage(), e);
    }
  }

  /** The path shown when the cloud target has nothing published (it does not exist, so commands say 7061). */
  static Path noPublishedKubeconfig(Path stateDir) {
    return stateDir.resolve("publish").resolve("digitalocean.kubeconfig");
  }
}
