package io.hostk8s.dev.debug.java;

import com.microsoft.java.debug.core.Configuration;
import com.microsoft.java.debug.core.adapter.ICompletionsProvider;
import com.microsoft.java.debug.core.adapter.IEvaluationProvider;
import com.microsoft.java.debug.core.adapter.IHotCodeReplaceProvider;
import com.microsoft.java.debug.core.adapter.ISourceLookUpProvider;
import com.microsoft.java.debug.core.adapter.IVirtualMachineManagerProvider;
import com.microsoft.java.debug.core.adapter.ProviderContext;
import com.sun.jdi.Bootstrap;
import io.hostk8s.dev.debug.DapConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DAP for a JVM debuggee: java-debug core's protocol server, in-process on a daemon thread, speaking over two
 * in-memory pipes. The DAP session sends {@code initialize}, {@code attach {hostName, port}} (the forwarded JDWP
 * port), {@code setBreakpoints}, {@code configurationDone}… on {@link DapConnection#out()} and reads answers and
 * events from {@link DapConnection#in()}. Closing the connection detaches from the VM (it keeps running) and
 * ends the server; when the VM goes away by itself (exit, pod killed, forward broken) java-debug sends
 * {@code terminated} and the connection ends (end of stream), as a debugpy socket would. Sources: breakpoints and stack frames map to files under {@code sourceRoots} (the service's
 * {@code src/main/java}). Expression evaluation, completions, conditional breakpoints, logpoints and hot code
 * replace are not supported (see {@link Unsupported}).
 */
public final class JavaDebugAdapter {
  private static final Logger LOG = Logger.getLogger(JavaDebugAdapter.class.getName());
  /** java-debug's own loggers; held here so their levels stick (JUL keeps loggers weakly). */
  private static final Logger CORE_LOG = Logger.getLogger(Configuration.LOGGER_NAME);
  private static final Logger USAGE_LOG = Logger.getLogger(Configuration.USAGE_DATA_LOGGER_NAME);

  private JavaDebugAdapter() {}

  /** Starts a java-debug server for one DAP connection; sources are looked up in {@code sourceRoots}. */
  public static DapConnection start(List<Path> sourceRoots) {
    quietLibraryLogs();
    try {
      Pipe toServer = Pipe.open();
      Pipe toClient = Pipe.open();
      AttachedVm vm = new AttachedVm();
      Runnable endConnection = () -> {
        closeQuietly(toServer.sink()); // the server's read loop ends
        closeQuietly(toClient.sink()); // the client reads end of stream
      };
      JavaProtocolServer server = new JavaProtocolServer(Channels.newInputStream(toServer.source()),
          Channels.newOutputStream(toClient.sink()), providers(sourceRoots, vm), endConnection);
      Thread thread = new Thread(() -> serve(server, toClient), "java-debug-server");
      thread.setDaemon(true);
      thread.start();
      return new Connection(Channels.newInputStream(toClient.source()), Channels.newOutputStream(toServer.sink()), server, vm,
          toServer, toClient);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the in-process pipes for java-debug", e);
    }
  }

  private static ProviderContext providers(List<Path> sourceRoots, AttachedVm vm) {
    ProviderContext context = new ProviderContext();
    context.registerProvider(IVirtualMachineManagerProvider.class, (IVirtualMachineManagerProvider) Bootstrap::virtualMachineManager);
    context.registerProvider(ISourceLookUpProvider.class, new SourceRootLookup(sourceRoots, vm));
    context.registerProvider(IEvaluationProvider.class, new NoEvaluation());
    context.registerProvider(IHotCodeReplaceProvider.class, new NoHotCodeReplace());
    context.registerProvider(ICompletionsProvider.class, (ICompletionsProvider) (frame, text, line, column) -> List.of());
    return context;
  }

  private static void serve(JavaProtocolServer server, Pipe toClient) {
    try {
      server.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "java-debug server ended with an error", e);
    } finally {
      closeQuietly(toClient.sink());
    }
  }

  /**
   * java-debug logs every DAP message at FINE (variable values included: never at our debug level) and sends
   * usage telemetry to its own logger: both stay out of our log, which receives its INFO and above.
   */
  private static void quietLibraryLogs() {
    if (CORE_LOG.getLevel() == null || CORE_LOG.getLevel().intValue() < Level.INFO.intValue()) {
      CORE_LOG.setLevel(Level.INFO);
    }
    USAGE_LOG.setLevel(Level.OFF);
  }

  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "close failed", e);
    }
  }

  private record Connection(InputStream in, OutputStream out, JavaProtocolServer server, AttachedVm vm, Pipe toServer,
      Pipe toClient) implements DapConnection {
    @Override
    public void close() {
      vm.detach();
      server.stop();
      closeQuietly(toServer.sink());
      closeQuietly(toClient.sink());
      closeQuietly(toClient.source());
    }
  }
}
