package io.hostk8s.dev.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of loading a workspace's configuration: the effective config (defaults when the file is
 * missing or broken), the problems found, the file it came from if any and the resolved kubeconfig path with where
 * it came from (every step of {@link KubeconfigResolver}'s order except the running sandbox, which is live state).
 */
public record LoadedConfig(Path workspace, DevConfig config, List<ConfigProblem> problems, Optional<Path> configFile, Path kubeconfig,
    KubeconfigResolver.Source kubeconfigSource) {
  public LoadedConfig {
    problems = List.copyOf(problems);
  }

  /**
   * The same config with an explicit kubeconfig (the CLI's --kubeconfig), which wins over everything else.
   * Relative paths are resolved against the workspace, {@code ~/} against the home directory. Null or blank:
   * unchanged.
   */
  public LoadedConfig withKubeconfigOverride(String explicitKubeconfig) {
    if (explicitKubeconfig == null || explicitKubeconfig.isBlank()) {
      return this;
    }
    return new LoadedConfig(workspace, config, problems, configFile, KubeconfigResolver.against(workspace, explicitKubeconfig),
        KubeconfigResolver.Source.FLAG);
  }

  /** The kubeconfig and where it came from. */
  public KubeconfigResolver.Choice kubeconfigChoice() {
    return new KubeconfigResolver.Choice(kubeconfig, kubeconfigSource);
  }

  /** True when a problem of severity ERROR was found. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(p -> p.severity() == ConfigProblem.Severity.ERROR);
  }
}
