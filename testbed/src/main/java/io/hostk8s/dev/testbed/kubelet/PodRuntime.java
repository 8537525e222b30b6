package io.hostk8s.dev.testbed.kubelet;

import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/** One pod's container as a local process: its root dir, mounts, ports, log file and exec lock. */
public final class PodRuntime {

  private static final Logger LOG = Logger.getLogger(PodRuntime.class.getName());

  private final String namespace;
  private final String name;
  private final String uid;
  private final Path root;
  private final LaunchPlan plan;
  private final Map<String, String> env;
  private final Map<Integer, Integer> ports;
  private final Set<String> unresolvedHosts;
  private final ContainerLauncher launcher;
  private final ExecGate execGate = new ExecGate();
  private final Set<Process> execs = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile Process process;
  private volatile Instant startedAt;
  private volatile boolean stopped;

  public PodRuntime(String namespace, String name, String uid, Path root, LaunchPlan plan, Map<String, String> env,
      Map<Integer, Integer> ports, Set<String> unresolvedHosts) {
    this.namespace = namespace;
    this.name = name;
    this.uid = uid;
    this.root = root;
    this.plan = plan;
    this.env = Map.copyOf(env);
    this.ports = Map.copyOf(ports);
    this.unresolvedHosts = Set.copyOf(unresolvedHosts);
    this.launcher = new ContainerLauncher(plan.mounts(), plan.workingDir());
  }

  /** Copies the plan's seeds (once) and starts the main process. */
  public synchronized void start() throws IOException {
    if (stopped) {
      return;
    }
    Files.createDirectories(root);
    PodFiles.seed(plan.seeds(), this::hostPath);
    ProcessBuilder pb = launcher.prepare(plan.command(), env, root);
    pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    process = pb.start();
    startedAt = Instant.now();
    LOG.info(() -> "pod " + namespace + "/" + name + " started pid " + process.pid() + ": " + plan.command());
  }

  /** Starts a command "inside" the pod (same env, mounts, working dir); callers order themselves with the gate. */
  public Process exec(List<String> command) throws IOException {
    Process p = launcher.prepare(command, env, root).start();
    execs.add(p);
    p.onExit().thenRun(() -> execs.remove(p));
    if (stopped) {
      ProcessTrees.kill(p.toHandle(), Duration.ofSeconds(1));
    }
    return p;
  }

  public ExecGate execGate() {
    return execGate;
  }

  /** Stops the pod: its main process and any exec still running in it (process trees). */
  public synchronized void stop() {
    stopped = true;
    killProcess();
    for (Process p : List.copyOf(execs)) {
      ProcessTrees.kill(p.toHandle(), Duration.ofSeconds(2));
    }
  }

  /** Kills the current process (tree) without marking the pod stopped: used before a restart. */
  public synchronized void killProcess() {
    Process p = process;
    if (p != null && p.isAlive()) {
      ProcessTrees.kill(p.toHandle(), Duration.ofSeconds(5));
    }
  }

  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  public boolean alive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /** Exit code of the last process, or null while it runs / before it started. */
  public Integer exitCode() {
    Process p = process;
    return p == null || p.isAlive() ? null : p.exitValue();
  }

  public boolean ready() {
    Instant s = startedAt;
    return alive() && s != null
        && Probes.ready(plan, Duration.between(s, Instant.now()).toMillis());
  }

  public Path hostPath(String containerPath) {
    return root.resolve(containerPath.replaceFirst("^/+", ""));
  }

  public Path logFile() {
    return root.getParent().resolve("container.log");
  }

  public Integer localPort(int containerPort) {
    return ports.get(containerPort);
  }

  public Set<String> unresolvedHosts() {
    return unresolvedHosts;
  }

  public boolean isStopped() {
    return stopped;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public String uid() {
    return uid;
  }
}
