package io.hostk8s.dev.debug.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.dap.DapServer;
import io.hostk8s.dev.dap.VsCodeDap;
import io.hostk8s.dev.debug.java.fixture.Ticker;
import io.hostk8s.dev.protocol.EngineInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM debugged through the hostk8s adapter with exactly the messages VS Code sends (raw JSON): initialize,
 * attach, then — on {@code initialized} — setBreakpoints, setFunctionBreakpoints, setExceptionBreakpoints,
 * configurationDone; on {@code stopped}: threads, stackTrace top frame then the rest, scopes, variables. Every
 * answer is a success, function breakpoints are answered (unverified, with the reason) and no longer advertised;
 * after the VM is replaced the session re-attaches (VS Code's configuration replayed) and stops with a stack again.
 */
class JavaVsCodeSequenceTest {
  @TempDir
  Path ws;

  @Test
  void vsCodesSequenceStopsWithAStackAndFunctionBreakpointsAreAnsweredNotFailed() throws Exception {
    Path classes = Path.of(Ticker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path ticker = JavaDebugAdapterTest.TICKER;
    int line = DapTestClient.lineOf(ticker, "// BREAKPOINT");
    JvmDebuggee jvm = JvmDebuggee.start(classes, Ticker.class.getName());
    try (jvm;
        EngineServices engine = new EngineServices(new Workspace(ws, Map.of(), null),
            new EngineInfo("owner", "test", ProcessHandle.current().pid(), ws.toString()), (s, l, p) -> {
              throw new IllegalStateException();
            });
        VsCodeDap ide = new VsCodeDap(DapServer.of(engine))) {
      assertThat(ide.ok("initialize", VsCodeDap.INITIALIZE).get("supportsConfigurationDoneRequest").getAsBoolean()).isTrue();
      CompletableFuture<JsonObject> attach = ide.send("attach", JsonParser.parseString("{\"type\":\"hostk8s\",\"request\":\"attach\","
          + "\"name\":\"Debug ticker\",\"runtime\":\"java\",\"target\":{\"host\":\"127.0.0.1\",\"port\":" + jvm.port + "},"
          + "\"localRoot\":\"" + JavaDebugAdapterTest.SOURCE_ROOT + "\",\"__sessionId\":\"s1\"}").getAsJsonObject());
      JsonObject caps = ide.awaitEvent("capabilities", 60).getAsJsonObject("capabilities");
      assertThat(caps.get("supportsFunctionBreakpoints").getAsBoolean()).as("the Java runtime's capabilities: " + caps).isFalse();
      ide.awaitEvent("initialized", 60);
      assertThat(attach.get(10, TimeUnit.SECONDS).get("success").getAsBoolean()).isTrue();

      Map<String, JsonObject> config = ide.configure(ticker, line, "Ticker.tick");
      config.forEach((command, r) -> assertThat(r.get("success").getAsBoolean()).as(command + ": " + r).isTrue());
      assertThat(config.get("setBreakpoints").getAsJsonObject("body").getAsJsonArray("breakpoints").get(0).getAsJsonObject()
          .get("verified").getAsBoolean()).isTrue();
      JsonObject fn = config.get("setFunctionBreakpoints").getAsJsonObject("body").getAsJsonArray("breakpoints").get(0).getAsJsonObject();
      assertThat(fn.get("verified").getAsBoolean()).isFalse();
      assertThat(fn.get("message").getAsString()).isEqualTo(Unsupported.FUNCTION_BREAKPOINTS);
      assertThat(console(ide)).contains(Unsupported.FUNCTION_BREAKPOINTS);

      VsCodeDap.Stop stop = ide.onStopped(ide.awaitEvent("stopped", 30));
      assertThat(stop.threads()).as("the stopped thread is listed").anySatisfy(t -> assertThat(t.get("id").getAsLong()).isEqualTo(stop.threadId()));
      assertThat(stop.frames()).hasSize(stop.totalFrames()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(stop.top().get("line").getAsInt()).isEqualTo(line);
      assertThat(stop.top().getAsJsonObject("source").get("path").getAsString()).isEqualTo(ticker.toString());
      assertThat(stop.frames().get(1).get("name").getAsString()).contains("Ticker.main");
      assertThat(ide.locals(stop.top())).containsKeys("n", "voter", "ballot");

      ide.ok("continue", "{\"threadId\":" + stop.threadId() + "}");

      // The VM replaced (a redeploy): the session re-attaches and replays VS Code's configuration — the function
      // breakpoints included (a failed replay used to fail every re-attach: no threads, an empty Call Stack).
      jvm.close();
      try (JvmDebuggee next = JvmDebuggee.start(classes, Ticker.class.getName(), jvm.port)) {
        VsCodeDap.Stop again = ide.onStopped(ide.awaitEvent("stopped", 60));
        assertThat(console(ide)).contains("re-attached");
        assertThat(again.frames()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(again.top().get("line").getAsInt()).isEqualTo(line);
        ide.ok("continue", "{\"threadId\":" + again.threadId() + "}");
        ide.ok("disconnect", "{\"restart\":false,\"terminateDebuggee\":false}");
        assertThat(next.process.isAlive()).as("the debuggee keeps running").isTrue();
      }
    }
  }

  /** The console text the session sent so far. */
  private static String console(VsCodeDap ide) {
    StringBuilder b = new StringBuilder();
    ide.log.stream().filter(m -> "event".equals(m.get("type").getAsString()) && "output".equals(m.get("event").getAsString()))
        .forEach(m -> b.append(m.getAsJsonObject("body").get("output").getAsString()));
    return b.toString();
  }
}
