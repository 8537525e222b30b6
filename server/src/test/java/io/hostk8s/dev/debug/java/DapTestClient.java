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
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
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
