package io.hostk8s.dev.testbed.recipes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link Requirement} check may look at: the workspace and the environment a pod would start with
 * (its PATH, {@code RUN_LOCAL_PYTHON}, …). Commands it runs get exactly that environment.
 */
public record HostEnv(Path workspace, Map<String, String> env) {

  private static final long RUN_TIMEOUT_MS = 10_000;
  private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "requirement-check-io");
    t.setDaemon(true);
    return t;
  });

  public HostEnv {
    env = Map.copyOf(env);
  }

  /** The executable {@code name} as the pod's shell would find it on PATH (a name with a slash is taken as is). */
  public Optional<Path> which(String name) {
    if (name.contains("/")) {
      Path p = Path.of(name);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (String dir : env.getOrDefault("PATH", "").split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, name);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Output of one command run with the pod's environment in {@code /}, stdin closed. */
  public record Output(int exitCode, String stdout, String stderr) {
  }

  /** Runs {@code command} (its first element an absolute path) and waits up to 10 s for it. */
  public Output run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of("/").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()), READERS);
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), READERS);
    if (!p.waitFor(RUN_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IOException(command.get(0) + " did not finish in " + RUN_TIMEOUT_MS / 1000 + " s");
    }
    return new Output(p.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
