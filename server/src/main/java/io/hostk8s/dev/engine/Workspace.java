package io.hostk8s.dev.engine;

import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.config.LoadedConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * A workspace: its root, the process environment, an optional explicit kubeconfig (CLI --kubeconfig) and the
 * configuration loaded from it (reloaded on demand when hostk8s.dev.yaml or .env change).
 */
public final class Workspace {
  private final Path root;
  private final Map<String, String> env;
  private volatile Path kubeconfigOverride;
  private volatile LoadedConfig loaded;

  public Workspace(Path root, Map<String, String> env, Path kubeconfigOverride) {
    this.root = root.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
    this.kubeconfigOverride = kubeconfigOverride;
    reload();
  }

  public Path root() {
    return root;
  }

  public Map<String, String> env() {
    return env;
  }

  public LoadedConfig config() {
    return loaded;
  }

  public void reload() {
    loaded = new ConfigLoader(env).load(root);
  }

  /** --kubeconfig wins; otherwise what the config loader resolved (KUBECONFIG, .env, config, HostK8s default). */
  public Path kubeconfig() {
    return kubeconfigOverride != null ? kubeconfigOverride.toAbsolutePath() : loaded.kubeconfig();
  }

  /** Points the engine at another cluster (e.g. the sandbox after {@code sandbox up}). */
  public void useKubeconfig(Path kubeconfig) {
    this.kubeconfigOverride = kubeconfig;
  }

  /** The workspace's private state directory (git-ignored): engine socket, logs, sandbox state. */
  public Path stateDir() {
    return root.resolve(".hostk8s");
  }
}
