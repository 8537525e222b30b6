package io.hostk8s.dev.dap;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ContinuedEventArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/** An IDE stand-in: lsp4j.debug's client over a real socket to the adapter, recording events. */
final class DapTestClient implements IDebugProtocolClient, AutoCloseable {
  final BlockingQueue<StoppedEventArguments> stopped = new LinkedBlockingQueue<>();
  final List<String> output = new CopyOnWriteArrayList<>();
  final List<ContinuedEventArguments> continued = new CopyOnWriteArrayList<>();
  volatile boolean initialized;
  volatile boolean terminated;
  private final AdapterLink link;
  final IDebugProtocolServer server;

  /** Over TCP: attach must carry the adapter's token. */
  DapTestClient(String host, int port) throws IOException {
    this(AdapterLink.tcp(host, port));
  }

  /** Over the adapter's Unix socket, as VS Code connects. */
  DapTestClient(DapServer adapter) throws IOException {
    this(AdapterLink.unix(adapter));
  }

  DapTestClient(AdapterLink link) {
    this.link = link;
    Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(this, link.in, link.out);
    l.startListening();
    server = l.getRemoteProxy();
  }

  static InitializeRequestArguments initArgs() {
    InitializeRequestArguments a = new InitializeRequestArguments();
    a.setClientID("test");
    a.setAdapterID("hostk8s");
    a.setLinesStartAt1(true);
    a.setColumnsStartAt1(true);
    a.setPathFormat("path");
    a.setSupportsVariableType(true);
    return a;
  }

  void initialize() throws Exception {
    server.initialize(initArgs()).get(10, TimeUnit.SECONDS);
  }

  void attach(Map<String, Object> config, Duration timeout) throws Exception {
    server.attach(config).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  StoppedEventArguments awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean awaitOutput(String contains, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (output.stream().anyMatch(o -> o.contains(contains))) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Override
  public void initialized() {
    initialized = true;
  }

  @Override
  public void stopped(StoppedEventArguments args) {
    stopped.add(args);
  }

  @Override
  public void continued(ContinuedEventArguments args) {
    continued.add(args);
  }

  @Override
  public void output(OutputEventArguments args) {
    output.add(args.getOutput());
  }

  @Override
  public void terminated(org.eclipse.lsp4j.debug.TerminatedEventArguments args) {
    terminated = true;
  }

  @Override
  public void close() throws IOException {
    link.close();
  }
}
