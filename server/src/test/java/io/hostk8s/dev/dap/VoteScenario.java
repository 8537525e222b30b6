package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.Scope;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/** The IDE's side of "stop in vote's POST route": vote over HTTP, wait for the stop, read the frame, continue. */
final class VoteScenario {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final DapTestClient ide;
  final int httpPort;
  final Path localApp;
  final int line;

  VoteScenario(DapTestClient ide, int httpPort, Path localApp) throws Exception {
    this.ide = ide;
    this.httpPort = httpPort;
    this.localApp = localApp;
    this.line = VoteSandbox.line("store.rpush(VOTES_KEY");
  }

  SetBreakpointsArguments breakpoint() {
    return breakpointAt(localApp, line);
  }

  /** One breakpoint at {@code file:line}. */
  static SetBreakpointsArguments breakpointAt(Path file, int line) {
    SetBreakpointsArguments a = new SetBreakpointsArguments();
    Source src = new Source();
    src.setPath(file.toString());
    a.setSource(src);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(line);
    a.setBreakpoints(new SourceBreakpoint[] {bp});
    return a;
  }

  /** Votes until the debugger stops the request (a reloaded child attaches a moment after it starts). */
  void voteStopInspectContinue(String choice, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/"))
          .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(120))
          .POST(HttpRequest.BodyPublishers.ofString("vote=" + choice)).build();
      CompletableFuture<HttpResponse<String>> f = HTTP.sendAsync(post, HttpResponse.BodyHandlers.ofString());
      while (!f.isDone() && System.nanoTime() < end) {
        StoppedEventArguments st = ide.awaitStopped(Duration.ofMillis(200));
        if (st != null) {
          inspectAndContinue(st, f, choice);
          return;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("no stop at app.py:" + line + " within " + timeout + "; output: " + ide.output);
  }

  private void inspectAndContinue(StoppedEventArguments st, CompletableFuture<HttpResponse<String>> request, String choice) throws Exception {
    assertThat(st.getReason()).isEqualTo("breakpoint");
    StackTraceArguments sta = new StackTraceArguments();
    sta.setThreadId(st.getThreadId());
    StackFrame top = ide.server.stackTrace(sta).get(10, TimeUnit.SECONDS).getStackFrames()[0];
    assertThat(top.getName()).isEqualTo("cast");
    assertThat(top.getLine()).isEqualTo(line);
    assertThat(top.getSource().getPath()).as("mapped back to the local tree").isEqualTo(localApp.toString());
    ScopesArguments sa = new ScopesArguments();
    sa.setFrameId(top.getId());
    Scope locals = ide.server.scopes(sa).get(10, TimeUnit.SECONDS).getScopes()[0];
    VariablesArguments va = new VariablesArguments();
    va.setVariablesReference(locals.getVariablesReference());
    Variable[] vars = ide.server.variables(va).get(10, TimeUnit.SECONDS).getVariables();
    assertThat(value(vars, "vote")).isEqualTo("'" + choice + "'");
    assertThat(value(vars, "voter_id")).matches("'[0-9a-f]{16}'");
    EvaluateArguments ea = new EvaluateArguments();
    ea.setFrameId(top.getId());
    ea.setExpression("store.llen(VOTES_KEY)");
    ea.setContext("repl");
    String queued = ide.server.evaluate(ea).get(10, TimeUnit.SECONDS).getResult();
    assertThat(queued).as("votes queued in Redis, read through the stopped frame").matches("\\d+");
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(st.getThreadId());
    ide.server.continue_(ca).get(10, TimeUnit.SECONDS);
    assertThat(request.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  private static String value(Variable[] vars, String name) {
    for (Variable v : vars) {
      if (v.getName().equals(name)) {
        return v.getValue();
      }
    }
    return null;
  }

  /** Waits until the output says "attached to process" more than {@code before} times. */
  boolean awaitSubprocessAttach(long before, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (count("attached to process") > before) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  long count(String text) {
    return ide.output.stream().filter(o -> o.contains(text)).count();
  }
}
