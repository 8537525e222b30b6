package io.hostk8s.dev.debug.java;

import static io.hostk8s.dev.debug.java.DapTestClient.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.debug.BreakpointSourceCheck;
import io.hostk8s.dev.debug.SourceCheck;
import io.hostk8s.dev.debug.SourceCheckResult;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The voting app (redis, db, vote, worker) in one sandbox: source checks against the vote pod's files, and the
 * real worker JVM debugged through java-debug — a breakpoint in vote processing hit by a vote cast over HTTP.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebugSandboxTest {
  static final String NS = "sample-app";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static EngineServices engine;
  static final List<HostK8sEvent> events = new CopyOnWriteArrayList<>();

  static Path repo() {
    return WorkerTools.repo();
  }

  @BeforeAll
  static void deployTheVotingApp(Sandbox s) throws Exception {
    WorkerTools.require();
    sandbox = s;
    WorkerTools.deployVotingApp(s);
    Files.createDirectories(ws.resolve("voting-app/vote"));
    Files.copy(repo().resolve("voting-app/vote/app.py"), ws.resolve("voting-app/vote/app.py"));
    engine = new EngineServices(new Workspace(ws, Map.of(), s.kubeconfigPath()),
        new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no external process here");
        });
    engine.events().subscribe(events::add);
  }

  @AfterAll
  static void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  static SourceCheckResult check(String service, String... rel) {
    return SourceCheck.verify(engine, service, ws.resolve("voting-app/vote"), "/usr/local/app", List.of(rel));
  }

  @Test
  @Order(1)
  void sourcesThatMatchThePodAreAMatchAndAnEditIsAMismatchWithBothPaths() throws Exception {
    SourceCheckResult same = check("vote", "app.py");
    assertThat(same.state()).as(same.message()).isEqualTo(SourceCheckResult.State.MATCH);
    assertThat(same.checked()).isEqualTo(1);

    Path local = ws.resolve("voting-app/vote/app.py");
    Files.writeString(local, Files.readString(local) + "\n# edited locally, not synced\n");
    SourceCheckResult edited = check("vote", "app.py");
    assertThat(edited.state()).isEqualTo(SourceCheckResult.State.MISMATCH);
    assertThat(edited.local()).isEqualTo(local);
    assertThat(edited.remote()).isEqualTo("/usr/local/app/app.py");
    assertThat(edited.localSha256()).isNotEqualTo(edited.remoteSha256()).hasSize(64);
    assertThat(edited.remoteSha256()).hasSize(64);
    assertThat(edited.message()).contains("differs from /usr/local/app/app.py").contains("6902").contains("hostk8s.sync.start");
    assertThat(events).last().satisfies(ev -> {
      assertThat(ev.type()).isEqualTo(SourceCheck.EVENT);
      assertThat(ev.service()).isEqualTo("vote");
      assertThat(ev.data()).containsEntry("state", "mismatch").containsEntry("code", 6902);
    });
    Files.copy(repo().resolve("voting-app/vote/app.py"), local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @Order(2)
  void aFileMissingInTheContainerIsAMismatchPointingAtRemoteRoot() throws Exception {
    Files.writeString(ws.resolve("voting-app/vote/only_here.py"), "print('local only')\n");
    SourceCheckResult r = check("vote", "app.py", "only_here.py");
    assertThat(r.state()).isEqualTo(SourceCheckResult.State.MISMATCH);
    assertThat(r.remote()).isEqualTo("/usr/local/app/only_here.py");
    assertThat(r.remoteSha256()).isNull();
    assertThat(r.suggestion()).contains("remoteRoot");
  }

  @Test
  @Order(3)
  void noPodOrNoRemoteRootOrAFailingExecIsUnknownWithTheReason() throws Exception {
    SourceCheckResult noPod = check("result", "app.py");
    assertThat(noPod.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
    assertThat(noPod.why()).contains("no running pod of result");
    SourceCheckResult java = SourceCheck.verify(engine, "worker", repo().resolve("voting-app/worker/src/main/java"), null,
        List.of("io/hostk8s/voting/worker/VoteWorker.java"));
    assertThat(java.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
    assertThat(java.message()).contains("remoteRoot");
    Files.writeString(ws.resolve("voting-app/vote/templates"), "a file here, a directory in the pod\n");
    SourceCheckResult failing = check("vote", "templates");
    assertThat(failing.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
    assertThat(failing.why()).contains("sha256sum in pod").contains("exited 1").contains("Is a directory");
  }

  @Test
  @Order(4)
  void breakpointsInAnEditedFileWarnOnceInTheDebugConsole() throws Exception {
    Path local = ws.resolve("voting-app/vote/app.py");
    Files.writeString(local, Files.readString(local) + "\n# edited again\n");
    List<String> console = new CopyOnWriteArrayList<>();
    try (BreakpointSourceCheck check = new BreakpointSourceCheck(engine, "vote", ws.resolve("voting-app/vote"), "/usr/local/app", console::add)) {
      check.onBreakpointsSet(local.toString());
      check.onBreakpointsSet(local.toString());
      check.onBreakpointsSet("/somewhere/else/app.py");
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (console.isEmpty() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      Thread.sleep(500);
      assertThat(console).singleElement().asString().contains("differs from /usr/local/app/app.py").contains("[6902]");
    } finally {
      Files.copy(repo().resolve("voting-app/vote/app.py"), local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  @Order(5)
  void aVoteStopsTheRealWorkerAtItsBreakpointWithTheVoteInTheVariables() throws Exception {
    Pod worker = sandbox.awaitReady(NS, "app=worker", Duration.ofSeconds(60)).get(0);
    int jdwp = sandbox.podLocalPort(NS, worker.getMetadata().getName(), 5005).orElseThrow();
    Path root = repo().resolve("voting-app/worker/src/main/java");
    Path file = root.resolve("io/hostk8s/voting/worker/VoteWorker.java");
    int line = DapTestClient.lineOf(file, "store.upsert(vote);");
    String voter = "debug-" + System.nanoTime();

    long t0 = System.nanoTime();
    try (DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(root)))) {
      c.initializeAndAttach(jdwp);
      c.setBreakpoint(file, line, null);
      c.configurationDone();
      long attached = System.nanoTime();
      castVote(voter, "b");
      StoppedEventArguments stop = c.awaitStop(60);
      System.err.printf("javadebug sandbox: attach+breakpoint %d ms, vote POST -> stopped %d ms%n",
          (attached - t0) / 1_000_000, (System.nanoTime() - attached) / 1_000_000);

      StackFrame frame = c.topFrame(stop);
      assertThat(frame.getLine()).isEqualTo(line);
      assertThat(Path.of(frame.getSource().getPath())).isEqualTo(file);
      Variable[] locals = c.locals(frame);
      assertThat(named(locals, "item").getValue()).contains(voter);
      Variable vote = named(locals, "vote");
      Variable[] fields = c.variables(vote.getVariablesReference());
      assertThat(named(fields, "voterId").getValue()).isEqualTo("\"" + voter + "\"");
      assertThat(named(fields, "vote").getValue()).isEqualTo("\"b\"");
      c.resume(stop);
    }
    assertThat(sandbox.podProcess(NS, worker.getMetadata().getName()).orElseThrow().isAlive()).isTrue();

    // a second session through a fabric8 port-forward (as the product does): JDWP was released by the first
    try (LocalPortForward pf = sandbox.client().pods().inNamespace(NS).withName(worker.getMetadata().getName()).portForward(5005);
        DapTestClient c = new DapTestClient(JavaDebugAdapter.start(List.of(root)))) {
      c.initializeAndAttach(pf.getLocalPort());
      c.setBreakpoint(file, line, null);
      c.configurationDone();
      castVote(voter + "-2", "a");
      StoppedEventArguments stop = c.awaitStop(60);
      StackFrame frame = c.topFrame(stop);
      assertThat(frame.getLine()).isEqualTo(line);
      c.resume(stop);
    }
  }

  static void castVote(String voter, String choice) throws Exception {
    WorkerTools.castVote(sandbox, voter, choice);
  }
}
