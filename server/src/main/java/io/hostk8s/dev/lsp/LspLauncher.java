package io.hostk8s.dev.lsp;

import io.hostk8s.dev.engine.Engine;
import io.hostk8s.dev.log.LogSetup;
import io.hostk8s.dev.lsp.config.ConfigLanguageService;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** Serves LSP over the given streams until the client exits or the input ends; returns the exit code. */
public final class LspLauncher {
  private static final Logger LOG = Logger.getLogger(LspLauncher.class.getName());

  private LspLauncher() {}

  public static int run(InputStream in, OutputStream out, Function<Path, Engine> engines,
      java.util.function.Supplier<ConfigLanguageService> features) {
    ExecutorService rpcThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "lsp-rpc");
      t.setDaemon(true);
      return t;
    });
    Object lock = new Object();
    int[] exitCode = {-1};
    HostK8sLanguageServer[] holder = new HostK8sLanguageServer[1];
    Runnable exit = () -> {
      synchronized (lock) {
        exitCode[0] = holder[0].shutdownRequested() ? 0 : 1;
        lock.notifyAll();
      }
    };
    HostK8sLanguageServer server = new HostK8sLanguageServer(engines, features, exit);
    holder[0] = server;
    Launcher<HostK8sClient> launcher = new LSPLauncher.Builder<HostK8sClient>()
        .setLocalService(server)
        .setRemoteInterface(HostK8sClient.class)
        .setInput(in)
        .setOutput(out)
        .setExecutorService(rpcThreads)
        .configureGson(ProtocolEnums::register)
        .create();
    HostK8sClient client = launcher.getRemoteProxy();
    server.connect(client);
    LogSetup.addHandler(new ClientLogHandler(client, Level.INFO));
    Future<Void> listening = launcher.startListening();
    Thread eof = new Thread(() -> {
      try {
        listening.get();
      } catch (Exception e) {
        LOG.log(Level.FINE, "input closed", e);
      }
      LOG.info("input stream closed; exiting");
      exit.run();
    }, "lsp-eof-watch");
    eof.setDaemon(true);
    eof.start();
    synchronized (lock) {
      while (exitCode[0] < 0) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return 1;
        }
      }
      return exitCode[0];
    }
  }
}
