package io.hostk8s.dev.debug.java;

import io.hostk8s.dev.debug.DapConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsResponse;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** An lsp4j.debug client over a {@link DapConnection}: records stopped/output/terminated events. */
final class DapTestClient implements IDebugProtocolClient, AutoCloseable {
  final BlockingQueue<StoppedEventArguments> stopped = new LinkedBlockingQueue<>();
  final List<String> output = new CopyOnWriteArrayList<>();
  final CompletableFuture<Void> initialized = new CompletableFuture<>();
  final CompletableFuture<Void> terminated = new CompletableFuture<>();
  final IDebugProtocolServer server;
  final Future<Void> listening;
  private final DapConnection connection;

  DapTestClient(DapConnection connection) {
    this.connection = connection;
    Launcher<IDebugProtocolServer> launcher = DSPLauncher.createClientLauncher(this, connection.in(), connection.out());
    this.server = launcher.getRemoteProxy();
    this.listening = launcher.startListening();
  }

  /** initialize (lines from 1, plain paths) then attach to {@code port}; java-debug sends initialized after attaching. */
  void initializeAndAttach(int port) throws Exception {
    InitializeRequestArguments init = new InitializeRequestArguments();
    init.setClientID("test");
    init.setAdapterID("hostk8s");
    init.setLinesStartAt1(true);
    init.setColumnsStartAt1(true);
    init.setPathFormat("path");
    server.initialize(init).get(20, TimeUnit.SECONDS);
    server.attach(Map.of("hostName", "127.0.0.1", "port", port)).get(60, TimeUnit.SECONDS);
    initialized.get(20, TimeUnit.SECONDS);
  }

  StoppedEventArguments awaitStop(long seconds) throws InterruptedException {
    StoppedEventArguments s = stopped.poll(seconds, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no stopped event within " + seconds + " s; output: " + output);
    }
    return s;
  }

  /** Breakpoints in {@code file}: one at {@code line} (with an optional condition), none when line &lt; 0. */
  SetBreakpointsResponse setBreakpoint(Path file, int line, String condition) throws Exception {
    SetBreakpointsArguments args = new SetBreakpointsArguments();
    Source src = new Source();
    src.setPath(file.toString());
    args.setSource(src);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(line);
    bp.setCondition(condition);
    args.setBreakpoints(line < 0 ? new SourceBreakpoint[0] : new SourceBreakpoint[] {bp});
    return server.setBreakpoints(args).get(20, TimeUnit.SECONDS);
  }

  void configurationDone() throws Exception {
    server.configurationDone(new ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
  }

  StackFrame topFrame(StoppedEventArguments stop) throws Exception {
    StackTraceArguments st = new StackTraceArguments();
    st.setThreadId(stop.getThreadId());
    return server.stackTrace(st).get(20, TimeUnit.SECONDS).getStackFrames()[0];
  }

  /** The first scope's (the locals') variables of a frame. */
  Variable[] locals(StackFrame frame) throws Exception {
    ScopesArguments sa = new ScopesArguments();
    sa.setFrameId(frame.getId());
    return variables(server.scopes(sa).get(20, TimeUnit.SECONDS).getScopes()[0].getVariablesReference());
  }

  Variable[] variables(int reference) throws Exception {
    VariablesArguments va = new VariablesArguments();
    va.setVariablesReference(reference);
    return server.variables(va).get(20, TimeUnit.SECONDS).getVariables();
  }

  void resume(StoppedEventArguments stop) throws Exception {
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(stop.getThreadId());
    server.continue_(ca).get(20, TimeUnit.SECONDS);
  }

  static Variable named(Variable[] vars, String name) {
    for (Variable v : vars) {
      if (v.getName().equals(name)) {
        return v;
      }
    }
    throw new AssertionError("no variable " + name + " in " + List.of(vars).stream().map(Variable::getName).toList());
  }

  /** 1-based number of the first line of {@code file} containing {@code text}. */
  static int lineOf(Path file, String text) throws Exception {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }

  @Override
  public void initialized() {
    initialized.complete(null);
  }

  @Override
  public void stopped(StoppedEventArguments args) {
    stopped.add(args);
  }

  @Override
  public void output(OutputEventArguments args) {
    output.add(args.getOutput());
  }

  @Override
  public void terminated(org.eclipse.lsp4j.debug.TerminatedEventArguments args) {
    terminated.complete(null);
  }

  @Override
  public void close() {
    connection.close();
    listening.cancel(true);
  }
}
