package io.hostk8s.dev.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of loading a workspace's configuration: the effective config (defaults when the file is
 * missing or broken), the problems found, the file it came from if any and the resolved kubeconfig path.
 */
public record LoadedConfig(Path workspace, DevConfig config, List<ConfigProblem> problems, Optional<Path> configFile, Path kubeconfig) {
  public LoadedConfig {
    problems = List.copyOf(problems);
  }
}
