package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.debug.AttachConfig;
import io.hostk8s.dev.debug.java.JvmDebuggee;
import io.hostk8s.dev.debug.java.fixture.Ticker;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who can drive the debug adapter: over TCP only a client that shows the engine's token (from
 * hostk8s.debug.endpoint) in attach/launch — without it, initialize and nothing else, never debuggee data; over the
 * Unix socket (0600 in a 0700 directory) the workspace's user without a token. The debuggee is a real JVM over JDWP.
 */
class DapAccessTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @TempDir
  static Path ws;
  static EngineServices engine;
  static DapServer server;

  @BeforeAll
  static void start() {
    engine = engine(ws);
    server = DapServer.of(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static EngineServices engine(Path root) {
    return new EngineServices(new Workspace(root, Map.of(), root.resolve("no-kubeconfig")),
        new EngineInfo("owner", "test", ProcessHandle.current().pid(), root.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no processes");
        });
  }

  static JvmDebuggee jvm() throws Exception {
    return JvmDebuggee.start(Path.of(Ticker.class.getProtectionDomain().getCodeSource().getLocation().toURI()), Ticker.class.getName());
  }

  /** An attach to a debuggee JVM on this machine, with the given token field ("" for none). */
  static String attach(int jvmPort, String tokenField) {
    return "{\"type\":\"hostk8s\",\"request\":\"attach\",\"runtime\":\"java\",\"target\":{\"host\":\"127.0.0.1\",\"port\":" + jvmPort
        + "},\"localRoot\":\"" + Path.of("src/test/java").toAbsolutePath() + "\"" + tokenField + "}";
  }

  static RawDap tcp() throws IOException {
    return new RawDap(server.host(), server.port());
  }

  static void initialize(RawDap c) throws Exception {
    c.request(1, "initialize", "{\"adapterID\":\"hostk8s\",\"linesStartAt1\":true}");
    assertThat(c.response(WAIT).get("success").getAsBoolean()).isTrue();
  }

  /** Sends {@code threads} (ignoring a write to an already closed connection) and returns what came back until close. */
  static List<JsonObject> threadsThenClose(RawDap c, int seq) throws Exception {
    try {
      c.request(seq, "threads", null);
    } catch (IOException closedAlready) {
      // the adapter hung up first: fine
    }
    return c.untilClosed(WAIT);
  }

  @Test
  void aTcpClientWithoutTheTokenGetsInitializeAndIsClosedOnAnythingElse() throws Exception {
    try (RawDap c = tcp()) {
      initialize(c);
      assertThat(threadsThenClose(c, 2)).as("nothing after initialize, no threads").isEmpty();
    }
    try (RawDap c = tcp()) {
      c.request(1, "stackTrace", "{\"threadId\":1}");
      assertThat(c.untilClosed(WAIT)).as("not even an error before initialize").isEmpty();
    }
  }

  @Test
  void anAttachOrLaunchWithoutOrWithAWrongTokenIsRefusedThenClosed() throws Exception {
    var before = engine.status().get().debugSessions();
    String wrongSameLength = server.token().substring(1) + (server.token().charAt(0) == 'A' ? 'B' : 'A');
    for (String token : List.of("", ",\"token\":\"nope\"", ",\"token\":\"" + wrongSameLength + "\"", ",\"token\":42")) {
      for (String command : List.of("attach", "launch")) {
        try (RawDap c = tcp()) {
          initialize(c);
          c.request(2, command, attach(1, token).replace("\"request\":\"attach\"", "\"request\":\"" + command + "\",\"local\":true"));
          JsonObject r = c.response(WAIT);
          assertThat(r.get("success").getAsBoolean()).as(r.toString()).isFalse();
          assertThat(r.get("request_seq").getAsInt()).isEqualTo(2);
          assertThat(r.getAsJsonObject("body").getAsJsonObject("error").get("id").getAsInt()).isEqualTo(6508);
          assertThat(r.get("message").getAsString()).contains("token").doesNotContain(server.token());
          assertThat(threadsThenClose(c, 3)).as(command + " with " + token + ": closed, no threads").isEmpty();
        }
      }
    }
    assertThat(engine.status().get().debugSessions()).as("no session started, none listed").isEqualTo(before);
  }

  @Test
  void anUnreadableFrameBeforeTheTokenClosesTheConnectionUnanswered() throws Exception {
    try (RawDap c = tcp()) {
      c.raw("Content-Length: 5\r\n\r\n{bad}".getBytes(StandardCharsets.US_ASCII));
      assertThat(c.untilClosed(WAIT)).isEmpty();
    }
  }

  @Test
  void withTheTokenATcpClientDebugs() throws Exception {
    try (JvmDebuggee jvm = jvm(); RawDap c = tcp()) {
      initialize(c);
      c.request(2, "attach", attach(jvm.port, ",\"token\":\"" + server.token() + "\""));
      c.request(3, "configurationDone", "{}");
      assertSucceeds(c, 2, 3);
      c.request(4, "threads", null);
      JsonObject threads = c.response(WAIT);
      assertThat(threads.get("success").getAsBoolean()).as(threads.toString()).isTrue();
      assertThat(threads.getAsJsonObject("body").getAsJsonArray("threads")).isNotEmpty();
      c.request(5, "disconnect", "{}");
      c.response(WAIT);
    }
  }

  @Test
  void theSocketIsPrivateAndAttachesWithoutAToken() throws Exception {
    Path socket = server.path();
    assertThat(socket).isNotNull().startsWith(ws.resolve(".hostk8s").resolve("engine"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwx------");
    try (JvmDebuggee jvm = jvm(); RawDap c = new RawDap(AdapterLink.unix(socket))) {
      initialize(c);
      c.request(2, "attach", attach(jvm.port, ""));
      c.request(3, "configurationDone", "{}");
      assertSucceeds(c, 2, 3);
      c.request(4, "threads", null);
      JsonObject threads = c.response(WAIT);
      assertThat(threads.getAsJsonObject("body").getAsJsonArray("threads")).as(threads.toString()).isNotEmpty();
      c.request(5, "disconnect", "{}");
      c.response(WAIT);
    }
  }

  @Test
  void theEndpointNamesBothDoorsAndItsTextHidesTheToken() {
    DebugEndpoint e = DapServer.endpoint(engine);
    assertThat(e.path()).isEqualTo(server.path().toString());
    assertThat(e.host()).isEqualTo("127.0.0.1");
    assertThat(e.port()).isEqualTo(server.port());
    assertThat(e.token()).isEqualTo(server.token()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
    assertThat(e.toString()).doesNotContain(e.token());
    assertThat(DapServer.endpoint(engine).token()).as("bound to the engine's lifetime").isEqualTo(e.token());
  }

  @Test
  void theTokenIsNeverPassedToTheDebuggee() {
    AttachConfig c = AttachConfig.parse(JsonParser.parseString(attach(5005, ",\"token\":\"secret\",\"showReturnValue\":true")));
    assertThat(c.extra().keySet()).contains("showReturnValue").doesNotContain("token");
  }

  @Test
  void eachEngineHasItsOwnSocketAndTokenAndClosingRemovesTheSocket(@TempDir Path other) {
    Path socket;
    try (EngineServices e = engine(other)) {
      DapServer d = DapServer.of(e);
      socket = d.path();
      assertThat(socket).exists().isNotEqualTo(server.path());
      assertThat(d.token()).isNotEqualTo(server.token());
    }
    assertThat(socket).doesNotExist();
    assertThat(server.path()).exists();
  }

  private static void assertSucceeds(RawDap c, int... seqs) throws Exception {
    for (int i = 0; i < seqs.length; i++) {
      JsonObject r = c.response(WAIT);
      assertThat(r.get("success").getAsBoolean()).as(r.toString()).isTrue();
    }
  }
}
