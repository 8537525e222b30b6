package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken frames and bad attach configurations get clear DAP error responses; the adapter keeps serving. */
class DapBadInputTest {
  @TempDir
  static Path ws;
  static EngineServices engine;
  static DapServer server;

  @BeforeAll
  static void start() {
    engine = new EngineServices(new Workspace(ws, Map.of(), ws.resolve("no-kubeconfig")),
        new EngineInfo("owner", "test", ProcessHandle.current().pid(), ws.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no processes");
        });
    server = DapServer.of(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static RawDap connect() throws Exception {
    return new RawDap(AdapterLink.unix(server));
  }

  static void assertError(JsonObject r, int seq, String command, int code, String text) {
    assertThat(r.get("success").getAsBoolean()).as(r.toString()).isFalse();
    assertThat(r.get("request_seq").getAsInt()).isEqualTo(seq);
    assertThat(r.get("command").getAsString()).isEqualTo(command);
    assertThat(r.get("message").getAsString()).contains(text).contains("Fix:");
    JsonObject error = r.getAsJsonObject("body").getAsJsonObject("error");
    assertThat(error.get("id").getAsInt()).isEqualTo(code);
    assertThat(error.get("format").getAsString()).contains(text);
  }

  static void stillServes(RawDap c, int seq) throws Exception {
    c.request(seq, "initialize", "{\"adapterID\":\"hostk8s\",\"linesStartAt1\":true}");
    JsonObject r = c.response(Duration.ofSeconds(10));
    assertThat(r.get("success").getAsBoolean()).as(r.toString()).isTrue();
    assertThat(r.get("request_seq").getAsInt()).isEqualTo(seq);
    assertThat(r.getAsJsonObject("body").get("supportsConfigurationDoneRequest").getAsBoolean()).isTrue();
  }

  @Test
  void unreadableJsonIsAnsweredAndTheSessionContinues() throws Exception {
    try (RawDap c = connect()) {
      c.frame("{this is not json");
      assertError(c.response(Duration.ofSeconds(10)), 0, "unknown", 6504, "Unreadable DAP message");
      c.frame("{\"seq\": 7, \"type\": \"request\", \"command\": \"setBreakpoints\", \"arguments\": {\"source\": [}");
      JsonObject r = c.response(Duration.ofSeconds(10));
      assertThat(r.get("success").getAsBoolean()).isFalse();
      assertThat(r.get("request_seq").getAsInt()).as("answered to the request it could read: " + r).isEqualTo(7);
      c.frame("{\"seq\": 8, \"command\": \"threads\"}");
      assertError(c.response(Duration.ofSeconds(10)), 0, "unknown", 6504, "Unreadable DAP message");
      stillServes(c, 9);
    }
  }

  @Test
  void anOversizedFrameIsSkippedUnreadAndTheSessionContinues() throws Exception {
    try (RawDap c = connect()) {
      int size = DapWire.MAX_FRAME + 1024;
      c.raw(("Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) ' ');
      for (int left = size; left > 0; left -= chunk.length) {
        c.raw(left >= chunk.length ? chunk : Arrays.copyOf(chunk, left));
      }
      assertError(c.response(Duration.ofSeconds(30)), 0, "unknown", 6504, "exceeds the limit");
      stillServes(c, 2);
    }
  }

  @Test
  void aFrameWithoutContentLengthIsReported() throws Exception {
    try (RawDap c = connect()) {
      c.raw("Content-Type: application/json\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertError(c.response(Duration.ofSeconds(10)), 0, "unknown", 6504, "Content-Length");
      stillServes(c, 3);
    }
  }

  @Test
  void badArgumentsOfAKnownRequestAreItsError() throws Exception {
    try (RawDap c = connect()) {
      c.request(4, "setBreakpoints", "\"x\"");
      assertError(c.response(Duration.ofSeconds(10)), 4, "setBreakpoints", 6504, "needs an arguments object");
      c.request(5, "launch", "{\"service\": \"vote\"}");
      assertError(c.response(Duration.ofSeconds(10)), 5, "launch", 1002, "launch runs it on the host only");
      c.request(6, "threads", null);
      JsonObject threads = c.response(Duration.ofSeconds(10));
      assertThat(threads.get("success").getAsBoolean()).as("no process yet: no threads").isTrue();
      c.request(7, "stackTrace", "{\"threadId\": 1}");
      assertError(c.response(Duration.ofSeconds(10)), 7, "stackTrace", 6505, "not attached yet");
    }
  }

  @Test
  void attachConfigurationsThatCannotWork() throws Exception {
    try (RawDap c = connect()) {
      stillServes(c, 1);
      c.request(2, "attach", "{\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"nope\"}");
      assertError(c.response(Duration.ofSeconds(10)), 2, "attach", 1102, "Unknown service 'nope'");
      c.request(3, "attach", "{\"type\": \"hostk8s\", \"request\": \"attach\", \"service\": \"result\"}");
      assertError(c.response(Duration.ofSeconds(10)), 3, "attach", 6502, "has no debugger configured");
      c.request(4, "attach", "{\"type\": \"hostk8s\", \"request\": \"attach\"}");
      assertError(c.response(Duration.ofSeconds(10)), 4, "attach", 1002, "needs \"service\"");
      c.request(5, "attach", "{\"service\": \"vote\", \"target\": {\"port\": \"abc\"}}");
      assertError(c.response(Duration.ofSeconds(10)), 5, "attach", 1002, "target.port");
    }
  }

  @Test
  void nothingListeningAtTheTargetFailsAfterTheTimeoutWithTheReason() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    try (RawDap c = connect()) {
      stillServes(c, 1);
      long t0 = System.nanoTime();
      c.request(2, "attach", "{\"service\": \"vote\", \"timeout\": 2, \"target\": {\"host\": \"127.0.0.1\", \"port\": " + closed + "}}");
      JsonObject r = c.response(Duration.ofSeconds(20));
      assertError(r, 2, "attach", 6501, "Could not attach to vote at 127.0.0.1:" + closed);
      assertThat(r.get("message").getAsString()).contains("Connection refused");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }
    assertThat(engine.status().get().debugSessions()).anySatisfy(s -> assertThat(s.state()).isEqualTo("ended"));
  }
}
