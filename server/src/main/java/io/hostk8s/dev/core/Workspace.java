package io.hostk8s.dev.core;

import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.config.KubeconfigResolver;
import io.hostk8s.dev.config.LoadedConfig;
import io.hostk8s.dev.config.RunningSandbox;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

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
  private volatile Target targetOverride;
  private volatile Supplier<Optional<Path>> cloudKubeconfig = Optional::empty;

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
    if (target().cloud()) { // the cloud target wins over everything: the person chose it for this workspace / command
      return new Choice(cloudKubeconfig.get().orElse(TargetFile.noPublishedKubeconfig(stateDir())), Source.CLOUD);
    }
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

  /**
   * The target in effect: this invocation's ({@code --target}), else the one remembered for the workspace
   * ({@code hostk8s.target.set}, {@code .hostk8s/target}), else {@link Target#LOCAL}. Read on every call, so an
   * engine sees a switch made from another front end at once.
   */
  public Target target() {
    Target o = targetOverride;
    return o != null ? o : TargetFile.read(stateDir());
  }

  /** This invocation's target (the CLI's {@code --target}); null: the workspace's. */
  public void overrideTarget(Target target) {
    targetOverride = target;
  }

  /** Remembers {@code target} for the workspace (every engine and front end of it follows). */
  public void rememberTarget(Target target) {
    TargetFile.write(stateDir(), target);
  }

  /** Where the cloud target's kubeconfig comes from (the engine layer supplies publish's). */
  public void cloudKubeconfigFrom(Supplier<Optional<Path>> source) {
    cloudKubeconfig = source;
  }

  /**
   * This workspace as a command asked for by another front end sees it: the same files, cluster choice and target,
   * with the Docker and registry variables of that front end ({@link CallerEnv}); this one when it has none (the
   * command came from this process) or the same values. A snapshot for one command: set nothing through it.
   */
  public Workspace forCaller(Optional<Map<String, String>> callerEnv) {
    if (callerEnv.isEmpty() || CallerEnv.same(env, callerEnv.get())) {
      return this;
    }
    Workspace w = new Workspace(root, CallerEnv.overlay(env, callerEnv.get()), explicitKubeconfig);
    w.pinned = pinned;
    w.targetOverride = targetOverride;
    w.cloudKubeconfig = cloudKubeconfig;
    return w;
  }

  /** The workspace's private state directory (git-ignored): engine socket, logs, sandbox state. */
  public Path stateDir() {
    return root.resolve(".hostk8s");
  }
}
