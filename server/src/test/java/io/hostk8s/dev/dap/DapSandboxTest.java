package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.engine.EngineServices;
import io.hostk8s.dev.status.DebugSessionStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.EvaluateResponse;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real vote app (Flask reloader under real debugpy) in a sandbox pod, debugged through the adapter's real
 * socket by an lsp4j.debug client: a breakpoint in the POST route hit by an HTTP vote through the Service, stack
 * and variables (with Redis read from the stopped frame), continue; an edit of app.py in the pod reloads the
 * process and the same session stops again.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DapSandboxTest {
  static final String NS = VoteSandbox.NS;
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static DapServer server;
  static DapTestClient ide;
  static String pod;
  static int line;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void voteUnderDebugpy(Sandbox s) throws Exception {
    VoteSandbox.requireTools();
    sandbox = s;
    pod = VoteSandbox.deploy(s);
    engine = VoteSandbox.engine(ws, s);
    server = DapServer.of(engine);
    line = VoteSandbox.line("store.rpush(VOTES_KEY");
  }

  @AfterAll
  static void close() throws Exception {
    if (ide != null) {
      ide.close();
    }
    if (engine != null) {
      engine.close();
    }
  }

  static Map<String, Object> attachConfig() {
    Map<String, Object> c = new HashMap<>();
    c.put("type", "hostk8s");
    c.put("request", "attach");
    c.put("service", "vote");
    c.put("target", Map.of("host", "127.0.0.1", "port", sandbox.podLocalPort(NS, pod, 5678).orElseThrow()));
    return c;
  }

  static SetBreakpointsArguments breakpointAt(int line) {
    SetBreakpointsArguments a = new SetBreakpointsArguments();
    Source src = new Source();
    src.setPath(ws.resolve("voting-app/vote/app.py").toString());
    a.setSource(src);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(line);
    a.setBreakpoints(new SourceBreakpoint[] {bp});
    return a;
  }

  /** Votes through the vote Service until the debugger stops the request (the child may attach a moment later). */
  static StoppedEventArguments voteUntilStopped(String choice, CompletableFuture<HttpResponse<String>>[] inFlight) throws Exception {
    int port = sandbox.serviceLocalPort(NS, "vote", 80).orElseThrow();
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < end) {
      HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
          .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(120))
          .POST(HttpRequest.BodyPublishers.ofString("vote=" + choice)).build();
      CompletableFuture<HttpResponse<String>> f = http.sendAsync(post, HttpResponse.BodyHandlers.ofString());
      inFlight[0] = f;
      while (!f.isDone() && System.nanoTime() < end) {
        StoppedEventArguments st = ide.awaitStopped(Duration.ofMillis(200));
        if (st != null) {
          return st;
        }
      }
      Thread.sleep(300);
    }
    return null;
  }

  static String value(Variable[] vars, String name) {
    for (Variable v : vars) {
      if (v.getName().equals(name)) {
        return v.getValue();
      }
    }
    return null;
  }

  /** Stopped at the breakpoint: stack, locals, Redis through the stopped frame; continue; the vote is answered. */
  static void inspectAndContinue(StoppedEventArguments st, CompletableFuture<HttpResponse<String>> request, String choice) throws Exception {
    assertThat(st).as("stopped at the breakpoint; output: " + ide.output).isNotNull();
    assertThat(st.getReason()).isEqualTo("breakpoint");
    StackTraceArguments sta = new StackTraceArguments();
    sta.setThreadId(st.getThreadId());
    StackFrame top = ide.server.stackTrace(sta).get(10, TimeUnit.SECONDS).getStackFrames()[0];
    assertThat(top.getName()).isEqualTo("cast");
    assertThat(top.getLine()).isEqualTo(line);
    assertThat(top.getSource().getPath()).as("mapped back to the local tree").isEqualTo(ws.resolve("voting-app/vote/app.py").toString());
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
    EvaluateResponse before = ide.server.evaluate(ea).get(10, TimeUnit.SECONDS);
    assertThat(before.getResult()).as("the votes queued in the pod's Redis").matches("\\d+");
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(st.getThreadId());
    ide.server.continue_(ca).get(10, TimeUnit.SECONDS);
    HttpResponse<String> r = request.get(30, TimeUnit.SECONDS);
    assertThat(r.statusCode()).isEqualTo(200);
    ea.setExpression("1");
  }

  @Test
  @Order(1)
  void aVoteStopsAtTheBreakpointWithRedisDataInTheFrame() throws Exception {
    ide = new DapTestClient(server.host(), server.port());
    ide.initialize();
    long t0 = System.nanoTime();
    CompletableFuture<Void> attached = ide.server.attach(attachConfig());
    SetBreakpointsResponse bps = ide.server.setBreakpoints(breakpointAt(line)).get(10, TimeUnit.SECONDS);
    ide.server.configurationDone(new org.eclipse.lsp4j.debug.ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
    attached.get(60, TimeUnit.SECONDS);
    System.err.printf("attach answered after %d ms; breakpoint verified at setBreakpoints: %s%n",
        (System.nanoTime() - t0) / 1_000_000, bps.getBreakpoints()[0].isVerified());
    assertThat(engine.status().get().debugSessions()).extracting(DebugSessionStatus::service, DebugSessionStatus::runtime, DebugSessionStatus::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vote", "python", "attached"));

    @SuppressWarnings("unchecked")
    CompletableFuture<HttpResponse<String>>[] request = new CompletableFuture[1];
    StoppedEventArguments st = voteUntilStopped("a", request);
    inspectAndContinue(st, request[0], "a");
  }

  @Test
  @Order(2)
  void afterAnEditReloadsTheAppTheSameSessionStopsAgain() throws Exception {
    Path app = sandbox.podHostPath(NS, pod, "/usr/local/app").orElseThrow().resolve("app.py");
    int attachedBefore = (int) ide.output.stream().filter(o -> o.contains("attached to process")).count();
    Files.writeString(app, Files.readString(app) + "\n# edited by DapSandboxTest\n");
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end && ide.output.stream().filter(o -> o.contains("attached to process")).count() <= attachedBefore) {
      Thread.sleep(100);
    }
    assertThat(ide.output).as("the reloaded process is attached and said so").anyMatch(o -> o.contains("(reloaded)"));
    @SuppressWarnings("unchecked")
    CompletableFuture<HttpResponse<String>>[] request = new CompletableFuture[1];
    StoppedEventArguments st = voteUntilStopped("b", request);
    inspectAndContinue(st, request[0], "b");
    assertThat(engine.status().get().debugSessions()).singleElement().extracting(DebugSessionStatus::state).isEqualTo("attached");
  }
}
