package io.hostk8s.dev.debug.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.debug.java.fixture.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** java-debug in-process against a real JVM with a JDWP agent, driven by an lsp4j.debug client. */
class JavaDebugAdapterTest {
  static final Path SOURCE_ROOT = Path.of("src/test/java").toAbsolutePath();
  static final Path TICKER = SOURCE_ROOT.resolve("io/hostk8s/dev/debug/java/fixture/Ticker.java");
  JvmDebuggee debuggee;

  @BeforeEach
  void startDebuggee() throws Exception {
    Path classes = Path.of(Ticker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    debuggee = JvmDebuggee.start(classes, Ticker.class.getName());
  }

  @AfterEach
  void stopDebuggee() throws Exception {
    debuggee.close();
  }

  static int breakpointLine() throws Exception {
    List<String> lines = Files.readAllLines(TICKER);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// BREAKPOINT")) {
        return i + 1;
      }
    }
    throw new AssertionError("no BREAKPOINT marker in " + TICKER);
  }

  static DapTestClient attach(int port) throws Exception {
    DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(SOURCE_ROOT)));
    c.initializeAndAttach(port);
    return c;
  }

  static SetBreakpointsResponse setBreakpoint(DapTestClient c, int line, String condition) throws Exception {
    SetBreakpointsArguments args = new SetBreakpointsArguments();
    Source src = new Source();
    src.setPath(TICKER.toString());
    args.setSource(src);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(line);
    bp.setCondition(condition);
    args.setBreakpoints(line < 0 ? new SourceBreakpoint[0] : new SourceBreakpoint[] {bp});
    return c.server.setBreakpoints(args).get(20, TimeUnit.SECONDS);
  }

  static StackFrame topFrame(DapTestClient c, StoppedEventArguments stop) throws Exception {
    StackTraceArguments st = new StackTraceArguments();
    st.setThreadId(stop.getThreadId());
    return c.server.stackTrace(st).get(20, TimeUnit.SECONDS).getStackFrames()[0];
  }

  static Variable[] variables(DapTestClient c, int reference) throws Exception {
    VariablesArguments va = new VariablesArguments();
    va.setVariablesReference(reference);
    return c.server.variables(va).get(20, TimeUnit.SECONDS).getVariables();
  }

  static Variable named(Variable[] vars, String name) {
    for (Variable v : vars) {
      if (v.getName().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no variable " + name + " in " + List.of(vars).stream().map(Variable::getName).toList());
  }

  static void resume(DapTestClient c, StoppedEventArguments stop) throws Exception {
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(stop.getThreadId());
    c.server.continue_(ca).get(20, TimeUnit.SECONDS);
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
    int line = breakpointLine();
    long t0 = System.nanoTime();
    try (DapTestClient c = attach(debuggee.port)) {
      setBreakpoint(c, line, null);
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      StoppedEventArguments stop = c.awaitStop(30);
      System.err.printf("javadebug: attach -> stopped at breakpoint %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      assertThat(stop.getReason()).isEqualTo("breakpoint");

      StackFrame frame = topFrame(c, stop);
      assertThat(frame.getName()).contains("tick");
      assertThat(frame.getLine()).isEqualTo(line);
      assertThat(Path.of(frame.getSource().getPath())).isEqualTo(TICKER);

      ScopesArguments sa = new ScopesArguments();
      sa.setFrameId(frame.getId());
      Scope[] scopes = c.server.scopes(sa).get(20, TimeUnit.SECONDS).getScopes();
      Variable[] locals = variables(c, scopes[0].getVariablesReference());
      int n = Integer.parseInt(named(locals, "n").getValue());
      assertThat(named(locals, "voter").getValue()).isEqualTo("\"voter-" + n + "\"");
      Variable ballot = named(locals, "ballot");
      assertThat(ballot.getVariablesReference()).isPositive();
      Variable[] fields = variables(c, ballot.getVariablesReference());
      assertThat(named(fields, "voter").getValue()).isEqualTo("\"voter-" + n + "\"");
      assertThat(named(fields, "choice").getValue()).isEqualTo(n % 2 == 0 ? "\"a\"" : "\"b\"");

      resume(c, stop);
      StoppedEventArguments again = c.awaitStop(30);
      StackFrame next = topFrame(c, again);
      ScopesArguments sa2 = new ScopesArguments();
      sa2.setFrameId(next.getId());
      Variable[] locals2 = variables(c, c.server.scopes(sa2).get(20, TimeUnit.SECONDS).getScopes()[0].getVariablesReference());
      assertThat(Integer.parseInt(named(locals2, "n").getValue())).isGreaterThan(n);

      setBreakpoint(c, -1, null);
      resume(c, again);
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
    int line = breakpointLine();
    try (DapTestClient c = attach(debuggee.port)) {
      setBreakpoint(c, line, null);
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      c.awaitStop(30);
    }
    assertStillRunning();
    try (DapTestClient c = attach(debuggee.port)) {
      setBreakpoint(c, line, null);
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      assertThat(c.awaitStop(30).getReason()).isEqualTo("breakpoint");
    }
    assertStillRunning();
  }

  @Test
  void evaluateAndHotCodeReplaceAnswerClearErrorsAndConditionsAreAnnounced() throws Exception {
    DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(SOURCE_ROOT)));
    try (c) {
      InitializeRequestArguments init = new InitializeRequestArguments();
      init.setAdapterID("hostk8s");
      init.setLinesStartAt1(true);
      init.setPathFormat("path");
      Capabilities caps = c.server.initialize(init).get(20, TimeUnit.SECONDS);
      assertThat(caps.getSupportsConditionalBreakpoints()).isNotEqualTo(Boolean.TRUE);
      assertThat(caps.getSupportsLogPoints()).isNotEqualTo(Boolean.TRUE);
      assertThat(caps.getSupportsEvaluateForHovers()).isNotEqualTo(Boolean.TRUE);
      c.server.attach(java.util.Map.of("hostName", "127.0.0.1", "port", debuggee.port)).get(60, TimeUnit.SECONDS);

      setBreakpoint(c, breakpointLine(), "n > 3");
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      StoppedEventArguments stop = c.awaitStop(30);
      assertThat(String.join("", c.output)).contains(Unsupported.CONDITIONS);

      EvaluateArguments ea = new EvaluateArguments();
      ea.setExpression("n + 1");
      ea.setFrameId(topFrame(c, stop).getId());
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
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
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
      InitializeRequestArguments init = new InitializeRequestArguments();
      init.setAdapterID("hostk8s");
      init.setLinesStartAt1(true);
      init.setPathFormat("path");
      c.server.initialize(init).get(20, TimeUnit.SECONDS);
      c.server.attach(java.util.Map.of("hostName", "127.0.0.1", "port", debuggee.port, "sourcePaths", List.of(SOURCE_ROOT.toString())))
          .get(60, TimeUnit.SECONDS);
      setBreakpoint(c, breakpointLine(), null);
      c.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
      StackFrame frame = topFrame(c, c.awaitStop(30));
      assertThat(Path.of(frame.getSource().getPath())).isEqualTo(TICKER);
    }
  }
}
