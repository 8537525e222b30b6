package io.hostk8s.dev.debug.java;

import static io.hostk8s.dev.debug.java.DapTestClient.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.debug.java.fixture.Ticker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** java-debug in-process against a real JVM with a JDWP agent, driven by an lsp4j.debug client. */
class JavaDebugAdapterTest {
  static final Path SOURCE_ROOT = Path.of("src/test/java").toAbsolutePath();
  static final Path TICKER = SOURCE_ROOT.resolve("io/hostk8s/dev/debug/java/fixture/Ticker.java");
  JvmDebuggee debuggee;
  int line;

  @BeforeEach
  void startDebuggee() throws Exception {
    Path classes = Path.of(Ticker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    debuggee = JvmDebuggee.start(classes, Ticker.class.getName());
    line = DapTestClient.lineOf(TICKER, "// BREAKPOINT");
  }

  @AfterEach
  void stopDebuggee() throws Exception {
    debuggee.close();
  }

  static DapTestClient attach(int port) throws Exception {
    DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(SOURCE_ROOT)));
    c.initializeAndAttach(port);
    return c;
  }

  /** initialize only (the test attaches itself). */
  static Capabilities initialize(DapTestClient c) throws Exception {
    InitializeRequestArguments init = new InitializeRequestArguments();
    init.setAdapterID("hostk8s");
    init.setLinesStartAt1(true);
    init.setPathFormat("path");
    return c.server.initialize(init).get(20, TimeUnit.SECONDS);
  }

  void assertStillRunning() throws Exception {
    long before = debuggee.lines.get();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (debuggee.lines.get() <= before + 3 && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(debuggee.process.isAlive()).isTrue();
    assertThat(debuggee.lines.get()).as("the debuggee keeps printing after the debugger left").isGreaterThan(before + 3);
  }

  @Test
  void breakpointStopsWithSourceMappedToTheLocalRootAndVariablesThenContinueAndDisconnectLeaveTheVmRunning() throws Exception {
    long t0 = System.nanoTime();
    try (DapTestClient c = attach(debuggee.port)) {
      c.setBreakpoint(TICKER, line, null);
      c.configurationDone();
      StoppedEventArguments stop = c.awaitStop(30);
      System.err.printf("javadebug: attach -> stopped at breakpoint %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(stop.getReason()).isEqualTo("breakpoint");

      StackFrame frame = c.topFrame(stop);
      assertThat(frame.getName()).contains("tick");
      assertThat(frame.getLine()).isEqualTo(line);
      assertThat(Path.of(frame.getSource().getPath())).isEqualTo(TICKER);

      Variable[] locals = c.locals(frame);
      int n = Integer.parseInt(named(locals, "n").getValue());
      assertThat(named(locals, "voter").getValue()).isEqualTo("\"voter-" + n + "\"");
      Variable ballot = named(locals, "ballot");
      assertThat(ballot.getVariablesReference()).isPositive();
      Variable[] fields = c.variables(ballot.getVariablesReference());
      assertThat(named(fields, "voter").getValue()).isEqualTo("\"voter-" + n + "\"");
      assertThat(named(fields, "choice").getValue()).isEqualTo(n % 2 == 0 ? "\"a\"" : "\"b\"");

      c.resume(stop);
      StoppedEventArguments again = c.awaitStop(30);
      assertThat(Integer.parseInt(named(c.locals(c.topFrame(again)), "n").getValue())).isGreaterThan(n);

      c.setBreakpoint(TICKER, -1, null);
      c.resume(again);
      DisconnectArguments da = new DisconnectArguments();
      da.setTerminateDebuggee(false);
      c.server.disconnect(da).get(20, TimeUnit.SECONDS);
    }
    assertStillRunning();
    try (DapTestClient again = attach(debuggee.port)) {
      assertThat(again.initialized).isDone();
    }
  }

  @Test
  void closingTheConnectionWhileStoppedDetachesAndTheNextSessionAttaches() throws Exception {
    try (DapTestClient c = attach(debuggee.port)) {
      c.setBreakpoint(TICKER, line, null);
      c.configurationDone();
      c.awaitStop(30);
    }
    assertStillRunning();
    try (DapTestClient c = attach(debuggee.port)) {
      c.setBreakpoint(TICKER, line, null);
      c.configurationDone();
      assertThat(c.awaitStop(30).getReason()).isEqualTo("breakpoint");
    }
    assertStillRunning();
  }

  @Test
  void evaluateAndHotCodeReplaceAnswerClearErrorsAndConditionsAreAnnounced() throws Exception {
    DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(SOURCE_ROOT)));
    try (c) {
      Capabilities caps = initialize(c);
      assertThat(caps.getSupportsConditionalBreakpoints()).isNotEqualTo(Boolean.TRUE);
      assertThat(caps.getSupportsLogPoints()).isNotEqualTo(Boolean.TRUE);
      assertThat(caps.getSupportsEvaluateForHovers()).isNotEqualTo(Boolean.TRUE);
      c.server.attach(Map.of("hostName", "127.0.0.1", "port", debuggee.port)).get(60, TimeUnit.SECONDS);

      c.setBreakpoint(TICKER, line, "n > 3");
      c.configurationDone();
      StoppedEventArguments stop = c.awaitStop(30);
      assertThat(String.join("", c.output)).contains(Unsupported.CONDITIONS);

      EvaluateArguments ea = new EvaluateArguments();
      ea.setExpression("n + 1");
      ea.setFrameId(c.topFrame(stop).getId());
      ea.setContext("repl");
      assertThatThrownBy(() -> c.server.evaluate(ea).get(20, TimeUnit.SECONDS))
          .hasMessageContaining("not supported for Java services")
          .hasMessageContaining("Variables view");
    }
    assertStillRunning();
  }

  @Test
  void whenTheVmDiesTheConnectionEndsAfterTerminated() throws Exception {
    try (DapTestClient c = attach(debuggee.port)) {
      c.configurationDone();
      debuggee.process.destroyForcibly();
      c.terminated.get(20, TimeUnit.SECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!c.listening.isDone() && System.nanoTime() < end) {
        Thread.sleep(20);
      }
      assertThat(c.listening.isDone()).as("the client saw the end of the stream").isTrue();
    }
  }

  @Test
  void sourceRootsCanComeWithTheAttachRequest() throws Exception {
    DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of()));
    try (c) {
      initialize(c);
      c.server.attach(Map.of("hostName", "127.0.0.1", "port", debuggee.port, "sourcePaths", List.of(SOURCE_ROOT.toString())))
          .get(60, TimeUnit.SECONDS);
      c.setBreakpoint(TICKER, line, null);
      c.configurationDone();
      assertThat(Path.of(c.topFrame(c.awaitStop(30)).getSource().getPath())).isEqualTo(TICKER);
    }
  }

  @Test
  void anAttachThatCompletesAfterTheConnectionClosedIsDetachedAndFreesJdwp() throws Exception {
    try (DelayedRelay slowForward = DelayedRelay.to(debuggee.port, 1500)) {
      DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(SOURCE_ROOT)));
      initialize(c);
      c.server.attach(Map.of("hostName", "127.0.0.1", "port", slowForward.port()));
      Thread.sleep(300);
      c.close(); // JDI is still connecting through the relay
      Thread.sleep(3500);
      try (DapTestClient next = attach(debuggee.port)) {
        next.setBreakpoint(TICKER, line, null);
        next.configurationDone();
        assertThat(next.awaitStop(30).getReason()).isEqualTo("breakpoint");
      }
    }
    assertStillRunning();
  }

  @Test
  void aSessionWritesNothingToStdoutAndJavaDebugLogsStayAtInfoWithoutTelemetry() throws Exception {
    java.io.PrintStream realOut = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try (DapTestClient c = attach(debuggee.port)) {
      c.setBreakpoint(TICKER, line, "n > 1");
      c.configurationDone();
      StoppedEventArguments stop = c.awaitStop(30);
      EvaluateArguments ea = new EvaluateArguments();
      ea.setExpression("n");
      ea.setFrameId(c.topFrame(stop).getId());
      assertThatThrownBy(() -> c.server.evaluate(ea).get(20, TimeUnit.SECONDS)).hasMessageContaining("not supported");
      c.resume(stop);
    } finally {
      System.setOut(realOut);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).as("stdout is the LSP channel").isEmpty();
    assertThat(java.util.logging.Logger.getLogger("java-debug").getLevel()).isEqualTo(java.util.logging.Level.INFO);
    assertThat(java.util.logging.Logger.getLogger("java-debug-usage-data").getLevel()).isEqualTo(java.util.logging.Level.OFF);
  }
}
