package io.hostk8s.intellij.core.java;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code java -version} and reads the major version. Never on the EDT (it starts a process). */
public final class JavaVersion {
  private static final Pattern VERSION = Pattern.compile("version \"([^\"]+)\"");

  /** The major version, or null with what went wrong. */
  public record Result(Integer major, String error) {}

  private JavaVersion() {}

  /** {@code "17.0.9"} → 17, {@code "1.8.0_351"} → 8, {@code "21"} → 21; null when unreadable. */
  public static Integer parseMajor(String output) {
    Matcher m = VERSION.matcher(output);
    if (!m.find()) {
      return null;
    }
    String[] parts = m.group(1).split("[._+-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Result run(Path java, long timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(null, "timed out");
      }
      if (p.exitValue() != 0) {
        return new Result(null, "exit " + p.exitValue());
      }
      Integer major = parseMajor(out);
      return new Result(major, major == null ? out.strip().lines().findFirst().orElse("no output") : null);
    } catch (IOException e) {
      return new Result(null, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(null, "interrupted");
    }
  }
}
