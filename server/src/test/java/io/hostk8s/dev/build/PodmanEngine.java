package io.hostk8s.dev.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Docker-compatible engine for tests: {@code podman system service} on a private socket, set up by
 * {@code .ci/podman-setup.sh} (private store with the debootstrap base image, runc, registries marked insecure).
 */
public final class PodmanEngine implements AutoCloseable {
  private final Path state;
  private final Map<String, String> env;
  private final Process service;

  private PodmanEngine(Path state, Map<String, String> env, Process service) {
    this.state = state;
    this.env = env;
    this.service = service;
  }

  public static PodmanEngine start(Path state, String... insecureRegistries) throws IOException, InterruptedException {
    Path podman = Tools.require("podman", "/usr/bin/podman");
    Tools.require("runc", "/usr/sbin/runc", "/usr/bin/runc");
    Path script = Path.of(System.getProperty("user.dir")).resolve("../.ci/podman-setup.sh").normalize();
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString(), state.toString()));
    cmd.addAll(List.of(insecureRegistries));
    Process setup = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(setup.getInputStream().readAllBytes());
    if (!setup.waitFor(10, TimeUnit.MINUTES) || setup.exitValue() != 0) {
      Tools.unavailable("podman-setup.sh failed (debootstrap needs root and the Debian mirror): " + out);
    }
    Map<String, String> env = new HashMap<>();
    out.lines().filter(l -> l.matches("[A-Z_]+=.*")).forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
    Path socket = state.resolve("podman.sock");
    ProcessBuilder pb = new ProcessBuilder(podman.toString(), "system", "service", "--time=0", "unix://" + socket)
        .redirectErrorStream(true).redirectOutput(state.resolve("service.log").toFile());
    pb.environment().putAll(env);
    Process service = pb.start();
    PodmanEngine engine = new PodmanEngine(state, env, service);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!Files.exists(socket)) {
      if (!service.isAlive() || System.nanoTime() > deadline) {
        engine.close();
        throw new IllegalStateException("podman system service did not start: " + Files.readString(state.resolve("service.log")));
      }
      Thread.sleep(50);
    }
    env.put("DOCKER_HOST", "unix://" + socket);
    return engine;
  }

  /** DOCKER_HOST and the CONTAINERS_* variables. */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  public String baseImage() {
    return env.get("BASE_IMAGE");
  }

  /** Runs the podman CLI against the same private store; returns its output. */
  public String podman(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("podman"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(2, TimeUnit.MINUTES);
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    service.descendants().forEach(ProcessHandle::destroyForcibly);
    service.destroy();
    if (!service.waitFor(10, TimeUnit.SECONDS)) {
      service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String store = env.getOrDefault("CONTAINERS_STORAGE_CONF", "");
    if (!store.startsWith(state.toString())) {
      return; // never reset a store that is not this test's private one
    }
    try {
      podman("system", "reset", "--force");
    } catch (IOException e) {
      // the private store goes with the temp dir anyway
    }
  }
}
