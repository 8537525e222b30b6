import io.hostk8s.dev.dap.DapServer;
import io.hostk8s.dev.engine.EngineServices;
import io.hostk8s.dev.engine.Workspace;
import io.hostk8s.dev.process.ListeningPorts;
import io.hostk8s.dev.status.EngineInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.SetBreakpointsArguments;
import org.eclipse.lsp4j.debug.Source;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * DAP proxy cost: the vote app under real debugpy (no reloader: one process, so both paths reach the same
 * debuggee), its own redis-server; `threads` round trips over a direct debugpy connection vs through the
 * hostk8s adapter (attach with target), alternating rounds; then attach → first breakpoint verified through the
 * adapter. Usage: java -cp server.jar bench/dap/DapBench.java REPO [requests-per-round] [rounds]
 */
public class DapBench {
  static final String PY = "/usr/bin/python3";

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("dap-bench-");
    Path app = dir.resolve("app");
    copy(repo.resolve("voting-app/vote"), app);
    int redis = freePort(), http = freePort(), debug = freePort();
    List<Process> procs = new ArrayList<>();
    try {
      procs.add(new ProcessBuilder("/usr/bin/redis-server", "--port", "" + redis, "--bind", "127.0.0.1", "--save", "")
          .redirectOutput(dir.resolve("redis.log").toFile()).redirectErrorStream(true).start());
      ProcessBuilder vote = new ProcessBuilder(PY, "-m", "debugpy", "--listen", "127.0.0.1:" + debug, "-m", "flask", "run",
          "--host", "127.0.0.1", "--port", "" + http, "--no-reload").directory(app.toFile())
          .redirectOutput(dir.resolve("vote.log").toFile()).redirectErrorStream(true);
      vote.environment().putAll(Map.of("FLASK_APP", "app", "REDIS_HOST", "127.0.0.1", "REDIS_PORT", "" + redis,
          "PYDEVD_DISABLE_FILE_VALIDATION", "1"));
      procs.add(vote.start());
      awaitListen(debug);
      try (EngineServices engine = new EngineServices(new Workspace(dir, Map.of(), null),
          new EngineInfo("owner", "bench", ProcessHandle.current().pid(), dir.toString()), (s, l, p) -> {
            throw new IllegalStateException();
          })) {
        DapServer dap = DapServer.of(engine);
        Map<String, Object> direct = new HashMap<>(Map.of("type", "python", "request", "attach",
            "connect", Map.of("host", "127.0.0.1", "port", debug), "justMyCode", true,
            "pathMappings", List.of(Map.of("localRoot", app.toString(), "remoteRoot", app.toString()))));
        Map<String, Object> proxied = new HashMap<>(Map.of("type", "hostk8s", "request", "attach",
            "target", Map.of("host", "127.0.0.1", "port", debug), "localRoot", app.toString(), "remoteRoot", app.toString()));
        List<Long> d = new ArrayList<>(), p = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          d.addAll(roundTrips("127.0.0.1", debug, direct, n));
          p.addAll(roundTrips(dap.host(), dap.port(), proxied, n));
        }
        double dm = median(d), pm = median(p);
        System.out.printf("threads round trip, %d x %d each: direct debugpy median %.3f ms (p90 %.3f) | through hostk8s "
            + "median %.3f ms (p90 %.3f) | added %.3f ms, ratio %.2f%n", rounds, n, dm, pct(d, 90), pm, pct(p, 90), pm - dm, pm / dm);
        try (InstantAdapter instant = new InstantAdapter()) {
          Map<String, Object> toInstant = new HashMap<>(Map.of("type", "hostk8s", "request", "attach",
              "target", Map.of("host", "127.0.0.1", "port", instant.port()), "localRoot", app.toString(), "remoteRoot", app.toString()));
          List<Long> di = new ArrayList<>(), pi = new ArrayList<>();
          for (int r = 0; r < rounds; r++) {
            di.addAll(roundTrips("127.0.0.1", instant.port(), direct, n));
            pi.addAll(roundTrips(dap.host(), dap.port(), toInstant, n));
          }
          System.out.printf("threads round trip against an instant in-process DAP adapter (the adapter's own cost): direct median "
              + "%.3f ms | through hostk8s median %.3f ms (p90 %.3f) | added %.3f ms%n", median(di), median(pi), pct(pi, 90),
              median(pi) - median(di));
        }
        int line = lineOf(app.resolve("app.py"), "store.rpush(VOTES_KEY");
        List<Long> verified = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          verified.add(attachToVerified(dap, proxied, app.resolve("app.py"), line));
        }
        System.out.printf("attach -> first breakpoint verified through hostk8s (5 runs): median %.0f ms, max %.0f ms%n",
            median(verified), verified.stream().mapToLong(x -> x).max().orElse(0) / 1e6);
      }
    } finally {
      for (Process pr : procs) {
        pr.descendants().forEach(ProcessHandle::destroy);
        pr.destroy();
        pr.waitFor(5, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }

  /** A DAP adapter that answers at once (lsp4j.debug server side): isolates what the hostk8s hop costs. */
  static final class InstantAdapter implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0);

    InstantAdapter() throws IOException {
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket s = server.accept();
            s.setTcpNoDelay(true);
            Instant impl = new Instant();
            Launcher<IDebugProtocolClient> l = DSPLauncher.createServerLauncher(impl, s.getInputStream(), s.getOutputStream());
            impl.client = l.getRemoteProxy();
            l.startListening();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    int port() {
      return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }

  static final class Instant implements IDebugProtocolServer {
    volatile IDebugProtocolClient client;
    final CompletableFuture<Void> configured = new CompletableFuture<>();

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.Capabilities> initialize(InitializeRequestArguments args) {
      org.eclipse.lsp4j.debug.Capabilities c = new org.eclipse.lsp4j.debug.Capabilities();
      c.setSupportsConfigurationDoneRequest(true);
      return CompletableFuture.completedFuture(c);
    }

    @Override
    public CompletableFuture<Void> attach(Map<String, Object> args) {
      CompletableFuture.runAsync(() -> client.initialized());
      return configured;
    }

    @Override
    public CompletableFuture<Void> configurationDone(ConfigurationDoneArguments args) {
      configured.complete(null);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<org.eclipse.lsp4j.debug.ThreadsResponse> threads() {
      org.eclipse.lsp4j.debug.ThreadsResponse r = new org.eclipse.lsp4j.debug.ThreadsResponse();
      r.setThreads(new org.eclipse.lsp4j.debug.Thread[0]);
      return CompletableFuture.completedFuture(r);
    }

    @Override
    public CompletableFuture<Void> disconnect(org.eclipse.lsp4j.debug.DisconnectArguments args) {
      return CompletableFuture.completedFuture(null);
    }
  }

  static final class Client implements IDebugProtocolClient {
    final CompletableFuture<Void> initialized = new CompletableFuture<>();

    @Override
    public void initialized() {
      initialized.complete(null);
    }
  }

  /** initialize, attach (debugpy answers attach after configurationDone; hostk8s before initialized: both handled). */
  static IDebugProtocolServer attach(Socket s, Client c, Map<String, Object> config) throws Exception {
    Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(c, s.getInputStream(), s.getOutputStream());
    l.startListening();
    IDebugProtocolServer server = l.getRemoteProxy();
    InitializeRequestArguments init = new InitializeRequestArguments();
    init.setAdapterID("python");
    init.setLinesStartAt1(true);
    init.setColumnsStartAt1(true);
    init.setPathFormat("path");
    server.initialize(init).get(30, TimeUnit.SECONDS);
    CompletableFuture<Void> attached = server.attach(config);
    c.initialized.get(30, TimeUnit.SECONDS);
    return finish(server, attached);
  }

  static IDebugProtocolServer finish(IDebugProtocolServer server, CompletableFuture<Void> attached) throws Exception {
    server.configurationDone(new ConfigurationDoneArguments()).get(30, TimeUnit.SECONDS);
    attached.get(30, TimeUnit.SECONDS);
    return server;
  }

  static List<Long> roundTrips(String host, int port, Map<String, Object> config, int n) throws Exception {
    try (Socket s = new Socket(host, port)) {
      s.setTcpNoDelay(true);
      IDebugProtocolServer server = attach(s, new Client(), config);
      for (int i = 0; i < 200; i++) {
        server.threads().get(10, TimeUnit.SECONDS);
      }
      List<Long> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        server.threads().get(10, TimeUnit.SECONDS);
        out.add(System.nanoTime() - t0);
      }
      server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      return out;
    }
  }

  static long attachToVerified(DapServer dap, Map<String, Object> config, Path file, int line) throws Exception {
    try (Socket s = new Socket(dap.host(), dap.port())) {
      Client c = new Client();
      long t0 = System.nanoTime();
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(c, s.getInputStream(), s.getOutputStream());
      l.startListening();
      IDebugProtocolServer server = l.getRemoteProxy();
      InitializeRequestArguments init = new InitializeRequestArguments();
      init.setAdapterID("hostk8s");
      init.setLinesStartAt1(true);
      init.setPathFormat("path");
      server.initialize(init).get(30, TimeUnit.SECONDS);
      server.attach(config).get(30, TimeUnit.SECONDS);
      c.initialized.get(30, TimeUnit.SECONDS);
      SetBreakpointsArguments a = new SetBreakpointsArguments();
      Source src = new Source();
      src.setPath(file.toString());
      a.setSource(src);
      SourceBreakpoint bp = new SourceBreakpoint();
      bp.setLine(line);
      a.setBreakpoints(new SourceBreakpoint[] {bp});
      boolean ok = server.setBreakpoints(a).get(30, TimeUnit.SECONDS).getBreakpoints()[0].isVerified();
      long t = System.nanoTime() - t0;
      server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
      if (!ok) {
        throw new IllegalStateException("breakpoint not verified");
      }
      server.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments()).get(10, TimeUnit.SECONDS);
      Thread.sleep(300);
      return t;
    }
  }

  static double median(List<Long> xs) {
    return pct(xs, 50);
  }

  static double pct(List<Long> xs, int p) {
    long[] a = xs.stream().mapToLong(x -> x).toArray();
    Arrays.sort(a);
    return a[Math.min(a.length - 1, a.length * p / 100)] / 1e6;
  }

  static int lineOf(Path f, String needle) throws IOException {
    List<String> lines = Files.readAllLines(f);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new IllegalStateException(needle);
  }

  /** LISTEN seen in the socket tables: a test connection would become debugpy's client. */
  static void awaitListen(int port) throws Exception {
    for (int i = 0; i < 600 && !ListeningPorts.listening(port).orElse(false); i++) {
      Thread.sleep(50);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.toString().contains("__pycache__")) {
          Files.copy(p, t);
        }
      }
    }
  }
}
