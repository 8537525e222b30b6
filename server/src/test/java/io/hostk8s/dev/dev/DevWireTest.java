package io.hostk8s.dev.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.up.UpWireTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `hostk8s-dev dev --sandbox` — the main job — on the real repository: the voting app comes up, the vote page
 * answers through the forward dev opened, the request shows up in the vote pod's log printed by dev, and Ctrl-C
 * (SIGTERM) stops everything, the sandbox included.
 */
class DevWireTest {
  private static final Pattern VOTE_FORWARD = Pattern.compile("^forward\\s+vote\\s+(http://127\\.0\\.0\\.1:\\d+/)");

  @Test
  void devServesTheVotePageThroughItsForwardPrintsItsLogAndStopsCleanly() throws Exception {
    Path ws = UpWireTest.repo();
    ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        ServerProcess.jar().toString(), "dev", "--sandbox", "--workspace", ws.toString())).directory(ws.toFile()).redirectErrorStream(true);
    pb.environment().remove("KUBECONFIG");
    pb.environment().remove("DOCKER_HOST");
    pb.environment().put("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
    Process dev = pb.start();
    dev.getOutputStream().close();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    StringBuilder transcript = new StringBuilder();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(dev.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          synchronized (transcript) {
            transcript.append(l).append('\n');
          }
          lines.add(l);
        }
      } catch (java.io.IOException ignored) {
        // process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    try {
      String url = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (url == null && System.nanoTime() < deadline) {
        String l = lines.poll(1, TimeUnit.SECONDS);
        Matcher m = l == null ? null : VOTE_FORWARD.matcher(l);
        if (m != null && m.find()) {
          url = m.group(1);
        }
        assertThat(dev.isAlive()).as("dev exited early:\n%s", transcript).isTrue();
      }
      assertThat(url).as("no vote forward printed:\n%s", transcript).isNotNull();
      await(lines, l -> l.contains("Ctrl-C to stop"), 60, transcript);

      HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
          .send(HttpRequest.newBuilder(URI.create(url + "?from=devwiretest")).timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("cats").containsIgnoringCase("dogs");
      // the vote pod's access log line for our request, printed by dev with the service prefix
      await(lines, l -> l.startsWith("vote") && l.contains("│") && l.contains("from=devwiretest"), 60, transcript);
    } finally {
      dev.destroy(); // SIGTERM: the shutdown hook stops the sandbox
      boolean exited = dev.waitFor(60, TimeUnit.SECONDS);
      if (!exited) {
        dev.destroyForcibly();
      }
      assertThat(exited).as("dev did not stop on SIGTERM:\n%s", transcript).isTrue();
    }
    Path pid = ws.resolve(".hostk8s/sandbox/sandbox.pid");
    assertThat(Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).map(ProcessHandle::isAlive).orElse(false) : false)
        .as("sandbox still running after dev stopped:\n%s", transcript).isFalse();
  }

  private static void await(BlockingQueue<String> lines, java.util.function.Predicate<String> p, int seconds, StringBuilder transcript)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String l = lines.poll(1, TimeUnit.SECONDS);
      if (l != null && p.test(l)) {
        return;
      }
    }
    synchronized (transcript) {
      throw new AssertionError("expected line not printed within " + seconds + " s:\n" + transcript);
    }
  }
}
