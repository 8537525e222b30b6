package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.debug.java.WorkerTools;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java worker debugged end to end through the adapter's real socket: {@code {type: hostk8s, request: attach,
 * service: worker}} → the engine's port-forward to the worker pod's JDWP port → java-debug in-process. A vote cast
 * over HTTP stops the worker at {@code store.upsert(vote)} with the vote in the variables; evaluate is a clear
 * error; the pod is replaced and the same IDE session stops again on the next vote.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaDapSandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static DapServer server;
  static DapTestClient ide;
  static WorkerScenario worker;
  static Path file;
  static int line;

  @BeforeAll
  static void votingApp(Sandbox s) throws Exception {
    sandbox = s;
    worker = WorkerScenario.deploy(s, ws);
    file = worker.file;
    line = worker.line;
    engine = VoteSandbox.engine(ws, s);
    server = DapServer.of(engine);
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

  static void castVote(String voter, String choice) throws Exception {
    WorkerTools.castVote(sandbox, voter, choice);
  }

  /** Stopped at the breakpoint with this voter's vote in {@code vote}; returns the stop. */
  static StoppedEventArguments stoppedWithVote(String voter, String choice) throws Exception {
    return worker.stoppedWithVote(ide, voter, choice, Duration.ofSeconds(60));
  }

  static void resume(StoppedEventArguments st) throws Exception {
    WorkerScenario.resume(ide, st);
  }

  @Test
  @Order(1)
  void attachToTheWorkerByServiceNameAndStopOnAVote() throws Exception {
    ide = new DapTestClient(server);
    long t0 = System.nanoTime();
    worker.attach(ide);
    System.err.printf("javadebug e2e: attach {service: worker} answered after %d ms; console: %s%n", (System.nanoTime() - t0) / 1_000_000,
        ide.output);
    assertThat(engine.status().get().debugSessions()).extracting(DebugSessionStatus::service, DebugSessionStatus::runtime)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("worker", "java"));

    String voter = "e2e-" + System.nanoTime();
    long v0 = System.nanoTime();
    StoppedEventArguments st = stoppedWithVote(voter, "a");
    System.err.printf("javadebug e2e: vote POST -> stopped + stack + variables %d ms%n", (System.nanoTime() - v0) / 1_000_000);

    EvaluateArguments ea = new EvaluateArguments();
    ea.setExpression("vote.voterId()");
    ea.setContext("repl");
    StackTraceArguments sta = new StackTraceArguments();
    sta.setThreadId(st.getThreadId());
    ea.setFrameId(ide.server.stackTrace(sta).get(20, TimeUnit.SECONDS).getStackFrames()[0].getId());
    assertThatThrownBy(() -> ide.server.evaluate(ea).get(20, TimeUnit.SECONDS)).hasMessageContaining("not supported for Java services");
    resume(st);
  }

  @Test
  @Order(2)
  void afterThePodIsReplacedTheSameSessionStopsOnTheNextVote() throws Exception {
    long t0 = System.nanoTime();
    List<ProcessHandle> old = worker.replaceWorkerPod();
    assertThat(ide.awaitOutput("re-attached", Duration.ofSeconds(180))).as("re-attached; output: " + ide.output).isTrue();
    System.err.printf("javadebug e2e: pod replaced -> re-attached %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    // the next vote must be one the new JVM takes: the old worker may still take one in its grace period
    assertThat(WorkerScenario.awaitExited(old, Duration.ofSeconds(60))).as("the old worker exited").isTrue();
    StoppedEventArguments st = stoppedWithVote("e2e-after-" + System.nanoTime(), "b");
    resume(st);
    DisconnectArguments da = new DisconnectArguments();
    da.setTerminateDebuggee(false);
    ide.server.disconnect(da).get(20, TimeUnit.SECONDS);
    String now = sandbox.awaitReady(NS, "app=worker", Duration.ofSeconds(30)).get(0).getMetadata().getName();
    assertThat(sandbox.podProcess(NS, now).orElseThrow().isAlive()).as("the worker keeps running after disconnect").isTrue();
  }

  /**
   * Issue 23: VS Code attached, yet its Call Stack stayed empty and java-debug logged "Unrecognized request:
   * setFunctionBreakpoints". Here the worker is debugged with exactly VS Code's messages (raw JSON, its order):
   * every configuration request succeeds, and on a vote's stop the threads list the stopped thread and the stack
   * (top frame, then the rest) starts at the breakpoint's line in the local VoteWorker.java.
   */
  @Test
  @Order(3)
  void vsCodesOwnSequenceStopsTheWorkerWithItsCallStack() throws Exception {
    if (ide != null) { // the first session still holds the worker's single JDWP slot
      DisconnectArguments da = new DisconnectArguments();
      da.setTerminateDebuggee(false);
      ide.server.disconnect(da).get(20, TimeUnit.SECONDS);
      ide.close();
      ide = null;
    }
    try (VsCodeDap vs = new VsCodeDap(server)) {
      vs.ok("initialize", VsCodeDap.INITIALIZE);
      CompletableFuture<com.google.gson.JsonObject> attach = vs.send("attach", com.google.gson.JsonParser.parseString(
          "{\"type\":\"hostk8s\",\"request\":\"attach\",\"name\":\"Debug worker in cluster\",\"service\":\"worker\","
          + "\"__configurationTarget\":6,\"__sessionId\":\"vs1\"}").getAsJsonObject());
      assertThat(vs.awaitEvent("capabilities", 90).getAsJsonObject("capabilities").get("supportsFunctionBreakpoints").getAsBoolean()).isFalse();
      vs.awaitEvent("initialized", 90);
      assertThat(attach.get(10, TimeUnit.SECONDS).get("success").getAsBoolean()).isTrue();
      Map<String, com.google.gson.JsonObject> config = vs.configure(file, line);
      config.forEach((command, r) -> assertThat(r.get("success").getAsBoolean()).as(command + ": " + r).isTrue());

      String voter = "vscode-" + System.nanoTime();
      castVote(voter, "b");
      VsCodeDap.Stop stop = vs.onStopped(vs.awaitEvent("stopped", 60));
      assertThat(stop.threads()).anySatisfy(t -> assertThat(t.get("id").getAsLong()).isEqualTo(stop.threadId()));
      assertThat(stop.frames()).as("the Call Stack").hasSize(stop.totalFrames()).hasSizeGreaterThanOrEqualTo(3);
      assertThat(stop.top().get("name").getAsString()).startsWith("VoteWorker.handle");
      assertThat(stop.top().get("line").getAsInt()).isEqualTo(line);
      assertThat(stop.top().getAsJsonObject("source").get("path").getAsString()).isEqualTo(file.toString());
      assertThat(stop.frames().get(stop.frames().size() - 1).get("name").getAsString()).startsWith("Main.main");
      com.google.gson.JsonObject vote = vs.locals(stop.top()).get("vote");
      assertThat(vs.variables(vote.get("variablesReference").getAsInt()).get("voterId").get("value").getAsString())
          .isEqualTo("\"" + voter + "\"");
      vs.ok("continue", "{\"threadId\":" + stop.threadId() + "}");
      vs.ok("disconnect", "{\"restart\":false,\"terminateDebuggee\":false}");
    }
  }
}
