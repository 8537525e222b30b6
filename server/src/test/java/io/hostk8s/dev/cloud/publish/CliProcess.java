package io.hostk8s.dev.cloud.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code hostk8s-dev …} as a person runs it: the packaged server jar in its own process, in a workspace. */
public final class CliProcess {
  /** Exit code, stdout, stderr. */
  public record Run(int code, String out, String err) {}

  private CliProcess() {}

  /** Runs {@code args} with {@code --workspace root} and {@code env} added; output files go to {@code scratch}. */
  public static Run run(Path scratch, Path root, Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target/hostk8s-dev-server.jar").toAbsolutePath().toString(), "--workspace", root.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hostk8s-dev " + String.join(" ", args) + " did not end in 10 min");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
