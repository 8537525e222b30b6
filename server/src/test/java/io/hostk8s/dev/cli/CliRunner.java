package io.hostk8s.dev.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real jar as a CLI command to its end, stdin empty (as {@link CliProcess#builder} builds it; the machine's
 * KUBECONFIG and DOCKER_HOST kept only for {@code -Dhostk8s.target=kind}) and captures exit code, stdout and stderr.
 */
public record CliRunner(int exit, String out, String err) {
  public static CliRunner run(Path dir, Map<String, String> env, String... args) throws Exception {
    return run(dir, env, Duration.ofSeconds(60), args);
  }

  /** {@code hostk8s-dev --workspace ws args} in {@code ws}, as a person names the workspace (publish: minutes). */
  public static CliRunner inWorkspace(Path ws, Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
    return run(ws, env, timeout, Stream.concat(Stream.of("--workspace", ws.toString()), Stream.of(args)).toArray(String[]::new));
  }

  /** As {@link #run(Path, Map, String...)}, for a command that may take up to {@code timeout}. */
  public static CliRunner run(Path dir, Map<String, String> env, Duration timeout, String... args) throws IOException, InterruptedException {
    // files, not pipes: a command that prints much on one stream cannot block on the other
    Path out = Files.createTempFile("hostk8s-cli", ".out");
    Path err = Files.createTempFile("hostk8s-cli", ".err");
    try {
      Process p = CliProcess.builder(List.of(), dir, env, "kind".equals(System.getProperty("hostk8s.target")), args)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("hostk8s-dev " + String.join(" ", args) + " did not end in " + timeout.toSeconds() + " s");
      }
      return new CliRunner(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
