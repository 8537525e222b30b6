package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.debug.java.WorkerTools;
import io.hostk8s.dev.testbed.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.Variable;
import org.eclipse.lsp4j.debug.VariablesArguments;

/**
 * The worker debugged through the adapter: its sources copied into a workspace, a breakpoint at
 * {@code store.upsert(vote)}, and a vote that must stop there with the voter's vote in the variables.
 */
final class WorkerScenario {
  static final String NS = WorkerTools.NS;
  final Sandbox sandbox;
  final Path file;
  final int line;

  private WorkerScenario(Sandbox sandbox, Path file, int line) {
    this.sandbox = sandbox;
    this.file = file;
    this.line = line;
  }

  /** Deploys the voting app and copies the worker's sources into {@code ws} (the debug session's local root). */
  static WorkerScenario deploy(Sandbox sandbox, Path ws) throws Exception {
    WorkerTools.require();
    WorkerTools.deployVotingApp(sandbox);
    Path src = WorkerTools.repo().resolve("voting-app/worker/src/main/java");
    Path dst = ws.resolve("voting-app/worker/src/main/java");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : files.toList()) {
        Path to = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Path file = dst.resolve("io/hostk8s/voting/worker/VoteWorker.java");
    List<String> lines = Files.readAllLines(file);
    int line = 1 + IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains("store.upsert(vote);")).findFirst().orElseThrow();
    return new WorkerScenario(sandbox, file, line);
  }

  /** initialize, attach {service: worker}, the breakpoint, configurationDone; returns once attach is answered. */
  void attach(DapTestClient ide) throws Exception {
    ide.initialize();
    CompletableFuture<Void> attached = ide.server.attach(Map.of("type", "hostk8s", "request", "attach", "service", "worker"));
    SetBreakpointsArguments bps = new SetBreakpointsArguments();
    Source src = new Source();
    src.setPath(file.toString());
    bps.setSource(src);
    SourceBreakpoint bp = new SourceBreakpoint();
    bp.setLine(line);
    bps.setBreakpoints(new SourceBreakpoint[] {bp});
    ide.server.setBreakpoints(bps).get(20, TimeUnit.SECONDS);
    ide.server.configurationDone(new ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
    attached.get(90, TimeUnit.SECONDS);
  }

  String workerPod() {
    return sandbox.awaitReady(NS, "app=worker", Duration.ofSeconds(60)).get(0).getMetadata().getName();
  }

  /**
   * Deletes the worker pod (the Deployment makes a new one, a new JVM) and returns the old pod's processes: until they
   * have exited, the old worker may still take a vote from the queue in its grace period (SIGTERM lets its current
   * poll finish), and a vote the old JVM handles cannot stop a session that followed the forward to the new pod.
   */
  List<ProcessHandle> replaceWorkerPod() {
    String old = workerPod();
    List<ProcessHandle> procs = new java.util.ArrayList<>();
    sandbox.podProcess(NS, old).ifPresent(p -> {
      procs.add(p);
      p.descendants().forEach(procs::add);
    });
    sandbox.replacePod(NS, old);
    return procs;
  }

  /** Waits until every process of the replaced pod has exited; false on timeout. */
  static boolean awaitExited(List<ProcessHandle> procs, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (procs.stream().noneMatch(ProcessHandle::isAlive)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /** Casts a vote; it must stop the worker at the breakpoint with this vote in {@code vote}. Returns the stop. */
  StoppedEventArguments stoppedWithVote(DapTestClient ide, String voter, String choice, Duration timeout) throws Exception {
    ide.stopped.clear();
    WorkerTools.castVote(sandbox, voter, choice);
    StoppedEventArguments st = ide.awaitStopped(timeout);
    assertThat(st).as("stopped; output: " + ide.output).isNotNull();
    StackTraceArguments sta = new StackTraceArguments();
    sta.setThreadId(st.getThreadId());
    StackFrame top = ide.server.stackTrace(sta).get(20, TimeUnit.SECONDS).getStackFrames()[0];
    assertThat(top.getLine()).isEqualTo(line);
    assertThat(top.getSource().getPath()).as("mapped to the local tree").isEqualTo(file.toString());
    ScopesArguments sa = new ScopesArguments();
    sa.setFrameId(top.getId());
    VariablesArguments va = new VariablesArguments();
    va.setVariablesReference(ide.server.scopes(sa).get(20, TimeUnit.SECONDS).getScopes()[0].getVariablesReference());
    Variable vote = named(ide.server.variables(va).get(20, TimeUnit.SECONDS).getVariables(), "vote");
    va.setVariablesReference(vote.getVariablesReference());
    Variable[] fields = ide.server.variables(va).get(20, TimeUnit.SECONDS).getVariables();
    assertThat(named(fields, "voterId").getValue()).isEqualTo("\"" + voter + "\"");
    assertThat(named(fields, "vote").getValue()).isEqualTo("\"" + choice + "\"");
    return st;
  }

  static void resume(DapTestClient ide, StoppedEventArguments st) throws Exception {
    ContinueArguments ca = new ContinueArguments();
    ca.setThreadId(st.getThreadId());
    ide.server.continue_(ca).get(20, TimeUnit.SECONDS);
  }

  static Variable named(Variable[] vars, String name) {
    return Stream.of(vars).filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + Stream.of(vars).map(Variable::getName).toList()));
  }

  static long count(DapTestClient ide, String text) {
    return ide.output.stream().filter(o -> o.contains(text)).count();
  }
}
