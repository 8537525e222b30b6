package io.hostk8s.dev.testbed.recipes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a recipe decided for one container: the host command, extra environment, mounts (container path to host
 * dir), seed copies (host source dir to container path, copied before the first start), the readiness probe and
 * the host requirements checked before the process starts.
 */
public final class LaunchPlan {

  /** How readiness is observed on the local port. */
  public enum Probe {
    /** a TCP connect must succeed */
    CONNECT,
    /** the port must be in LISTEN state (no connection is made: safe for debugpy and JDWP) */
    LISTEN,
    /** an HTTP GET of {@link LaunchPlan#readyPath()} must answer 2xx/3xx */
    HTTP,
    /** the process must be alive for a second */
    ALIVE
  }

  private final List<String> command;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final Map<String, Path> mounts = new LinkedHashMap<>();
  private final Map<Path, String> seeds = new LinkedHashMap<>();
  private final List<Requirement> requirements = new ArrayList<>();
  private String workingDir;
  private int readyPort;
  private Probe probe = Probe.ALIVE;
  private String readyPath = "/";

  public LaunchPlan(List<String> command) {
    this.command = List.copyOf(command);
  }

  public LaunchPlan env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public LaunchPlan mount(String containerPath, Path hostDir) {
    mounts.put(containerPath, hostDir);
    return this;
  }

  public LaunchPlan seed(Path hostSource, String containerPath) {
    seeds.put(hostSource, containerPath);
    return this;
  }

  public LaunchPlan workingDir(String containerPath) {
    this.workingDir = containerPath;
    return this;
  }

  public LaunchPlan ready(int localPort, Probe how) {
    this.readyPort = localPort;
    this.probe = how;
    return this;
  }

  /** Readiness by HTTP GET of {@code path} on {@code localPort} (the container's httpGet readiness probe). */
  public LaunchPlan readyHttp(int localPort, String path) {
    this.readyPort = localPort;
    this.probe = Probe.HTTP;
    this.readyPath = path == null || path.isEmpty() ? "/" : path;
    return this;
  }

  /** What must be on the host before the process can start (the recipe's {@link Recipe#requirements()}). */
  public LaunchPlan require(List<Requirement> needed) {
    requirements.addAll(needed);
    return this;
  }

  public List<Requirement> requirements() {
    return List.copyOf(requirements);
  }

  public String readyPath() {
    return readyPath;
  }

  public List<String> command() {
    return command;
  }

  public Map<String, String> env() {
    return env;
  }

  public Map<String, Path> mounts() {
    return mounts;
  }

  public Map<Path, String> seeds() {
    return seeds;
  }

  public String workingDir() {
    return workingDir;
  }

  public int readyPort() {
    return readyPort;
  }

  public Probe probe() {
    return probe;
  }
}
