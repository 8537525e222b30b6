package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliProcess;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.up.UpWireTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.InitializedParams;
import org.junit.jupiter.api.Test;

/**
 * {@code hostk8s-dev dev} in a terminal, attached to the engine an IDE window owns, outlives the window: the window's
 * server is killed (SIGKILL, a stale socket left), dev takes the engine over, starts its loop again there, says so
 * once with the forwards as they are now, the vote page answers through them, {@code status} names dev's process as
 * the engine, and Ctrl-C then ends dev with its engine; the forwards keep their local ports.
 */
class DevTakeOverWireTest {
  private static final Pattern VOTE_FORWARD = Pattern.compile("^forward\\s+vote\\s+(http://127\\.0\\.0\\.1:\\d+/)");

  @Test
  void devAttachedToAWindowsEngineTakesItOverWhenTheWindowDiesAndKeepsServing() throws Exception {
    Path ws = UpWireTest.repo();
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"));
    List<AutoCloseable> open = new ArrayList<>();
    try {
      ServerProcess window = ServerProcess.start(ws, env, "lsp");
      open.add(window);
      RecordingClient client = new RecordingClient();
      ServerProcess.Remote lsp = window.connect(client).getRemoteProxy();
      lsp.initialize(ServerProcess.initParams(ws, false)).get(60, TimeUnit.SECONDS);
      lsp.initialized(new InitializedParams());
      assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(s -> "owner".equals(s.engine().mode())), 60_000))
          .as("the window owns the engine: " + client.statuses).isTrue();

      CliProcess dev = CliProcess.start(ws, env, "dev", "--sandbox", "--no-logs");
      open.add(dev);
      dev.await(l -> l.startsWith("dev uses the workspace's engine (pid " + window.process.pid() + ")"), 60);
      dev.await(l -> l.contains("Ctrl-C to stop"), 300);
      assertThat(get(voteUrl(dev.transcript())).statusCode()).isEqualTo(200);

      window.process.destroyForcibly(); // the IDE window's server dies
      String line = dev.await(l -> l.startsWith("[engine] The workspace's engine (pid " + window.process.pid() + ") stopped"), 120);
      assertThat(line).as(dev.transcript()).contains("this front end now runs it").contains("restarted dev cli-")
          .doesNotContain("could not restart");
      String after = afterLine(dev, line);
      assertThat(voteUrl(after)).as("the same local port").isEqualTo(voteUrl(dev.transcript().substring(0, dev.transcript().indexOf(line))));
      HttpResponse<String> page = get(voteUrl(after));
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).containsIgnoringCase("cats").containsIgnoringCase("dogs");
      CliProcess status = CliProcess.start(ws, Map.of(), "status", "--json");
      open.add(status);
      assertThat(status.awaitExit(60)).as(status.transcript()).isZero();
      String json = status.transcript().substring(status.transcript().indexOf('{'));
      assertThat(JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("engine").get("pid").getAsLong())
          .as("dev's process runs the engine now").isEqualTo(dev.process.pid());
      assertThat(dev.transcript().lines().filter(l -> l.startsWith("[engine] The workspace's engine")).count())
          .as("told once").isEqualTo(1);

      dev.terminate(); // SIGTERM, as Ctrl-C ends the JVM (exit 143)
      dev.awaitExit(60);
      assertThat(dev.transcript()).contains("dev stopped with its engine");
    } finally {
      for (AutoCloseable c : open) {
        c.close();
      }
      CliProcess down = CliProcess.start(ws, env, "sandbox", "down");
      down.awaitExit(120);
    }
  }

  /** What dev printed after {@code line}, once that includes the vote forward (printed just after the take-over line). */
  private static String afterLine(CliProcess dev, String line) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      String after = dev.transcript().substring(dev.transcript().indexOf(line));
      if (after.lines().anyMatch(l -> VOTE_FORWARD.matcher(l).find()) || System.nanoTime() > deadline) {
        return after;
      }
      Thread.sleep(100);
    }
  }

  /** The last vote forward dev printed in {@code transcript}. */
  private static String voteUrl(String transcript) {
    String url = null;
    for (String l : transcript.lines().toList()) {
      Matcher m = VOTE_FORWARD.matcher(l);
      if (m.find()) {
        url = m.group(1);
      }
    }
    assertThat(url).as("no vote forward printed:\n" + transcript).isNotNull();
    return url;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    int port = Integer.parseInt(url.replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/$", "$1"));
    return ForwardFixtures.await(() -> {
      try {
        return ForwardFixtures.get(port, "/?from=devtakeover").statusCode() == 200;
      } catch (Exception e) {
        return false;
      }
    }, java.time.Duration.ofSeconds(30)) ? ForwardFixtures.get(port, "/?from=devtakeover") : ForwardFixtures.get(port, "/");
  }
}
