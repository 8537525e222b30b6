package io.hostk8s.dev.core;

import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.config.KubeconfigResolver;
import io.hostk8s.dev.config.LoadedConfig;
import io.hostk8s.dev.config.RunningSandbox;
import java.nio.file.Path;
import java.util.Map;

/**
 * A workspace: its root, the process environment, an optional explicit kubeconfig (CLI --kubeconfig) and the
 * configuration loaded from it (reloaded on demand when hostk8s.dev.yaml or .env change).
 */
public final class Workspace {
  private final Path root;
  private final Map<String, String> env;
  private final Path explicitKubeconfig;
  private volatile Choice pinned;
  private volatile LoadedConfig loaded;

  public Workspace(Path root, Map<String, String> env, Path kubeconfigOverride) {
    this.root = root.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
    this.explicitKubeconfig = kubeconfigOverride == null ? null : kubeconfigOverride.toAbsolutePath().normalize();
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

  /** The kubeconfig every command talks to (see {@link #kubeconfigChoice()}). */
  public Path kubeconfig() {
    return kubeconfigChoice().path();
  }

  /**
   * The kubeconfig in effect and where it came from: what this engine was pointed at ({@code sandbox up}, {@code up
   * --sandbox}, a HostK8s checkout after {@code make start}; a pin to the sandbox ends when the sandbox stops), else
   * {@link KubeconfigResolver}'s order — --kubeconfig, KUBECONFIG, this workspace's running sandbox, KUBECONFIG_PATH,
   * cluster.kubeconfig, the HostK8s default. Read on every call: a sandbox started or stopped from another terminal
   * is seen at once.
   */
  public Choice kubeconfigChoice() {
    Choice pin = pinned;
    if (pin != null && (pin.source() != Source.SANDBOX || RunningSandbox.isRunning(root))) {
      return pin;
    }
    return KubeconfigResolver.inEffect(realClusterChoice(), RunningSandbox.kubeconfig(root));
  }

  /**
   * The real cluster's kubeconfig, never the sandbox's: --kubeconfig, KUBECONFIG, KUBECONFIG_PATH,
   * cluster.kubeconfig or the HostK8s default. {@code cluster start|stop} create and delete the Kind cluster with it.
   */
  public Path clusterKubeconfig() {
    return realClusterChoice().path();
  }

  private Choice realClusterChoice() {
    return explicitKubeconfig != null ? new Choice(explicitKubeconfig, Source.FLAG) : loaded.kubeconfigChoice();
  }

  /** Points the engine at another cluster (e.g. the sandbox after {@code sandbox up}); null: back to the order. */
  public void useKubeconfig(Path kubeconfig) {
    if (kubeconfig == null) {
      pinned = null;
      return;
    }
    Path p = kubeconfig.toAbsolutePath().normalize();
    pinned = new Choice(p, p.startsWith(RunningSandbox.stateDir(root)) ? Source.SANDBOX : Source.CHECKOUT);
  }

  /** The workspace's private state directory (git-ignored): engine socket, logs, sandbox state. */
  public Path stateDir() {
    return root.resolve(".hostk8s");
  }
}
