package io.hostk8s.dev.run;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.LineTail;
import io.hostk8s.dev.process.ListeningPorts;
import io.hostk8s.dev.process.ProcessTrees;
import io.hostk8s.dev.progress.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One service running on the host: its process (stdout+stderr merged, sent on in batches), readiness = both ports
 * in LISTEN (read from the kernel's socket tables: a debugger port is never connected to), and stop = the whole
 * process tree plus debugpy's adapter, which detaches into its own session and is found by its {@code --port}.
 */
final class LocalRun {
  private static final int TAIL = 40;
  private final LocalRunPlan plan;
  private final Consumer<List<String>> output;
  private final LineTail tail = new LineTail(TAIL);
  private Process process;

  LocalRun(LocalRunPlan plan, Consumer<List<String>> output) {
    this.plan = plan;
    this.output = output;
  }

  LocalRunPlan plan() {
    return plan;
  }

  void start() {
    ProcessBuilder pb = new ProcessBuilder(plan.command()).directory(plan.directory().toFile()).redirectErrorStream(true);
    pb.environment().putAll(plan.env());
    try {
      process = pb.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw HostK8sException.user(ErrorCode.RUN_LOCAL_START_FAILED, "Cannot start " + plan.service() + " on the host ("
          + plan.command().get(0) + "): " + e.getMessage() + ".", "Check the interpreter: set services." + plan.service()
          + ".local.python in hostk8s.dev.yaml or HOSTK8S_PYTHON (it needs debugpy and the app's packages).");
    }
    Thread pump = new Thread(this::pump, "local-" + plan.service());
    pump.setDaemon(true);
    pump.start();
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> batch = new ArrayList<>();
      String line;
      while ((line = r.readLine()) != null) {
        tail.add(line);
        batch.add(line);
        if (!r.ready() || batch.size() >= 200) {
          output.accept(List.copyOf(batch));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        output.accept(List.copyOf(batch));
      }
    } catch (IOException ignored) {
      // process ended
    }
  }

  /** Waits until the app's port and the debugger's port listen; fails with the output's last lines otherwise. */
  void awaitListening(Duration timeout, Progress progress) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw failed("exited with code " + process.exitValue() + " before listening");
      }
      progress.checkCancelled();
      if (listening(plan.debugPort(), false) && listening(plan.port(), true)) {
        return;
      }
      Thread.sleep(50);
    }
    throw failed("did not listen on 127.0.0.1:" + plan.port() + " (app) and 127.0.0.1:" + plan.debugPort() + " (debugger) within "
        + timeout.toSeconds() + " s");
  }

  /** LISTEN per the socket tables; without them (not Linux) only a web port may be checked by connecting. */
  private static boolean listening(int port, boolean mayConnect) {
    Optional<Boolean> fromTables = ListeningPorts.listening(port);
    if (fromTables.isPresent()) {
      return fromTables.get();
    }
    if (!mayConnect) {
      return true; // debugpy listens before it runs the app: the app's port listening implies it
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private HostK8sException failed(String what) {
    List<String> last = tail.lines();
    return new HostK8sException(ErrorCode.RUN_LOCAL_START_FAILED, plan.service() + " on the host " + what + ". Last output:\n"
        + String.join("\n", last), List.of("Read the output above; check the interpreter (services." + plan.service()
        + ".local.python or HOSTK8S_PYTHON) has debugpy and the app's packages."), true, null);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  java.util.concurrent.CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** debugpy's adapter for this run: it detaches from the tree; found by its {@code --port <debugPort>} argument. */
  List<ProcessHandle> debugAdapters() {
    String port = String.valueOf(plan.debugPort());
    return ProcessHandle.allProcesses().filter(h -> {
      List<String> args = h.info().arguments().map(List::of).orElse(List.of());
      int i = args.indexOf("--port");
      return i >= 0 && i + 1 < args.size() && args.get(i + 1).equals(port)
          && args.stream().anyMatch(a -> a.contains("debugpy") && a.contains("adapter"));
    }).toList();
  }

  /** Kills the process tree and the debug adapter. */
  void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> adapters = debugAdapters();
    ProcessTrees.kill(process.toHandle(), 3000);
    adapters.forEach(a -> ProcessTrees.kill(a, 2000));
    debugAdapters().forEach(a -> ProcessTrees.kill(a, 2000));
  }
}
