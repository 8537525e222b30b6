package io.hostk8s.dev.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.up.UpWireTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    try (CliProcess dev = CliProcess.start(ws, Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar")),
        "dev", "--sandbox", "--workspace", ws.toString())) {
      try {
        Matcher m = VOTE_FORWARD.matcher(dev.await(l -> VOTE_FORWARD.matcher(l).find(), 240));
        assertThat(m.find()).isTrue();
        String url = m.group(1);
        dev.await(l -> l.contains("Ctrl-C to stop"), 60);

        HttpResponse<String> page = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
            .send(HttpRequest.newBuilder(URI.create(url + "?from=devwiretest")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("cats").containsIgnoringCase("dogs");
        // the vote pod's access log line for our request, printed by dev with the service prefix
        dev.await(l -> l.startsWith("vote") && l.contains("│") && l.contains("from=devwiretest"), 60);
      } finally {
        dev.terminate(); // SIGTERM: the shutdown hook stops the sandbox
        dev.awaitExit(60); // fails with the transcript when dev does not stop
      }
      Path pid = ws.resolve(".hostk8s/sandbox/sandbox.pid");
      assertThat(Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).map(ProcessHandle::isAlive).orElse(false) : false)
          .as("sandbox still running after dev stopped:\n%s", dev.transcript()).isFalse();
    }
  }
}
