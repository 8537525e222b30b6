package io.hostk8s.intellij.core.project;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a project is a HostK8s project, so the plugin starts the server when it opens (LSP4IJ alone would start it
 * only when a mapped file opens): a {@code hostk8s.dev.yaml}, the voting app's manifests (the VS Code extension's
 * activation rules), or a HostK8s checkout (its Makefile next to {@code infra/scripts}, as the server detects it).
 */
public final class ProjectLayout {
  public static final String CONFIG_FILE = "hostk8s.dev.yaml";

  private ProjectLayout() {}

  public static boolean isHostK8sProject(Path base) {
    if (base == null) {
      return false;
    }
    return Files.isRegularFile(base.resolve(CONFIG_FILE)) || Files.isDirectory(base.resolve("voting-app/k8s"))
        || (Files.isRegularFile(base.resolve("Makefile")) && Files.isDirectory(base.resolve("infra/scripts")));
  }
}
