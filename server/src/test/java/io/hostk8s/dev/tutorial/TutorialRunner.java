package io.hostk8s.dev.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a tutorial's command blocks in order in one workspace, as a reader types them: each block in bash with
 * {@code set -e}, exported variables carried to the next block (a reader's shell keeps them), the checks of
 * {@link TutorialDoc}. Blocks marked {@code # not run here:} are counted, not run.
 */
final class TutorialRunner implements AutoCloseable {
  private final Path workspace;
  private final Map<String, String> env;
  private final Path exports;
  private final List<Process> background = new ArrayList<>();
  private final Map<String, String> later = new java.util.HashMap<>();
  private String laterFrom;
  private boolean laterOn;

  TutorialRunner(Path workspace, Map<String, String> env) throws Exception {
    this.workspace = workspace;
    this.env = env;
    this.exports = Files.createTempFile("tutorial-env", ".sh");
  }

  /**
   * Adds {@code extra} to the environment of the first block whose code contains {@code marker} and of every block
   * after it: what a reader sets up before that part (Level 400 part 5: a Docker API and a registry).
   */
  TutorialRunner environmentFrom(String marker, Map<String, String> extra) {
    laterFrom = marker;
    later.putAll(extra);
    return this;
  }

  /** Runs every block that runs here; returns how many ran. */
  int run(TutorialDoc doc) throws Exception {
    int ran = 0;
    for (TutorialDoc.Block b : doc.blocks()) {
      laterOn |= laterFrom != null && b.code().contains(laterFrom);
      if (!b.runs()) {
        continue;
      }
      long t = System.nanoTime();
      if (b.until() != null || b.background() != null) {
        untilLine(doc, b);
      } else {
        oneShot(doc, b);
      }
      System.out.printf("%s %s: ok in %d ms%n", doc.name(), b, (System.nanoTime() - t) / 1_000_000);
      ran++;
    }
    System.out.printf("%s: %d of %d blocks executed%n", doc.name(), ran, doc.blocks().size());
    return ran;
  }

  private String script(TutorialDoc.Block b) {
    return "set -e\n" + environment() + b.code() + "\nexport -p > '" + exports + "'\n";
  }

  /** The reader's shell so far (exported variables), then the test bed's additions (they win, e.g. PATH). */
  private String environment() {
    StringBuilder sh = new StringBuilder(". '" + exports + "'\n");
    if (laterOn) {
      later.forEach((k, v) -> sh.append("export ").append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
    }
    return sh.toString();
  }

  private ProcessBuilder bash(String... cmd) {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workspace.toFile()).redirectErrorStream(true);
    pb.environment().remove("KUBECONFIG");
    pb.environment().keySet().removeIf(k -> k.startsWith("DIGITALOCEAN_"));
    pb.environment().putAll(env);
    if (laterOn) {
      pb.environment().putAll(later);
    }
    return pb;
  }

  private void oneShot(TutorialDoc doc, TutorialDoc.Block b) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(b.retrySeconds());
    while (true) {
      Process p = bash("bash", "-c", script(b)).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(doc.name() + " " + b + " finished").isTrue();
      keep(doc, b, out);
      String failure = p.exitValue() != b.exit() ? "exit " + p.exitValue() + ", the tutorial says " + b.exit()
          : unmatched(b, out);
      if (failure == null) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(doc.name() + " " + b + ": " + failure + "; it printed:\n" + out);
      }
      Thread.sleep(1000);
    }
  }

  /**
   * Keeps what a block printed in {@code target/tutorial-output/<tutorial>/line-<N>.txt}: the real output to
   * re-capture a "You'll see:" block from.
   */
  private static void keep(TutorialDoc doc, TutorialDoc.Block b, String out) throws java.io.IOException {
    Path dir = Files.createDirectories(Path.of("target", "tutorial-output", doc.name().replace(".md", "")));
    Files.writeString(dir.resolve("line-" + b.line() + ".txt"), out);
  }

  private static String unmatched(TutorialDoc.Block b, String out) {
    for (Pattern p : b.expects()) {
      if (!p.matcher(out).find()) {
        return "no match for <!-- expect: " + p + " -->";
      }
    }
    return null;
  }

  /** until: the first matching line, then Ctrl-C; background: the first matching line, then left running. */
  private void untilLine(TutorialDoc doc, TutorialDoc.Block b) throws Exception {
    Pattern wanted = b.until() != null ? b.until() : b.background();
    Process p = bash("setsid", "bash", "-c", environment() + "exec " + b.code().strip()).start();
    p.getOutputStream().close();
    StringBuffer transcript = new StringBuffer();
    Object seen = new Object();
    boolean[] hit = {false};
    Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
        .lines().forEach(l -> {
          transcript.append(l).append('\n');
          if (wanted.matcher(l).find()) {
            synchronized (seen) {
              hit[0] = true;
              seen.notifyAll();
            }
          }
        }), "tutorial-block-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.currentTimeMillis() + 180_000;
    synchronized (seen) {
      while (!hit[0] && p.isAlive() && System.currentTimeMillis() < deadline) {
        seen.wait(250);
      }
    }
    keep(doc, b, transcript.toString());
    assertThat(hit[0]).as(doc.name() + " " + b + " printed a line matching " + wanted + "; it printed:\n" + transcript).isTrue();
    String missing = unmatched(b, transcript.toString());
    assertThat(missing).as(doc.name() + " " + b + ": " + missing + "; it printed:\n" + transcript).isNull();
    if (b.background() != null) {
      background.add(p);
      return;
    }
    stop(p);
    assertThat(p.exitValue()).as(doc.name() + " " + b + " exit code after Ctrl-C:\n" + transcript).isIn(0, 130);
  }

  private static void stop(Process p) throws Exception {
    if (p.isAlive()) {
      new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start().waitFor();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("a block did not end on Ctrl-C within 30 s");
      }
    }
  }

  /** Runs a clean-up command (never fails the test). */
  void cleanUp(String command) throws Exception {
    Process p = bash("bash", "-c", command).start();
    p.getOutputStream().close();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    p.waitFor(120, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    for (Process p : background) {
      try {
        stop(p);
      } finally {
        p.destroyForcibly();
      }
    }
    Files.deleteIfExists(exports);
  }
}
