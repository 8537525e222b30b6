package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.dap.AdapterLink;
import io.hostk8s.dev.deploy.DeployService;
import io.hostk8s.dev.forward.ForwardFixtures;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.OutputEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's owner goes away, the IDE keeps working — over the real jar: three language servers in one workspace
 * (the first owns the engine, two IDE windows attach), the windows start sync, a forward, a log follow and ask for
 * the debug adapter; the owner is killed (SIGKILL: a stale socket is left) or stopped cleanly. Both windows take
 * over at once, exactly one becomes the owner and the other attaches to it, each says so once, both keep answering
 * commands, and the work they had runs again exactly once (one forward on the same port, one sync, the log follow).
 */
@ExtendWith(SandboxExtension.class)
class OwnerHandOverWireTest {
  private static final Logger LOG = Logger.getLogger(OwnerHandOverWireTest.class.getName());
  private static final Gson GSON = new Gson();
  @TempDir
  static Path ws;
  static Map<String, String> env;
  private final List<ServerProcess> started = new ArrayList<>();

  @BeforeAll
  static void voteAndRedisDeployed(Sandbox sandbox) throws Exception {
    EngineServices engine = ForwardFixtures.voteAndRedisDeployed(ws, sandbox.kubeconfigPath(), Map.of());
    DeployService.endSession(engine);
    engine.close();
    ForwardFixtures.copyTree(ForwardFixtures.repo().resolve("voting-app/vote"), ws.resolve("voting-app/vote")); // what sync sends
    env = Map.of("KUBECONFIG", sandbox.kubeconfigPath().toString());
  }

  @AfterEach
  void stopAll() throws Exception {
    for (ServerProcess p : started) {
      p.close();
    }
    Path keep = Files.createDirectories(Path.of("target", "handover-logs"));
    try (var files = Files.newDirectoryStream(ws.resolve(".hostk8s"), "server.log*")) {
      for (Path f : files) {
        Files.copy(f, keep.resolve(System.nanoTime() + "-" + f.getFileName()));
      }
    }
    for (String log : serverLogs()) { // the take-over's timings, for the report
      log.lines().filter(l -> l.contains("took the workspace") || l.contains("restarted ") || l.contains("went away")).forEach(LOG::info);
    }
  }

  /** One IDE window: the server jar, its client, initialized. */
  private final class Window {
    final ServerProcess server;
    final RecordingClient client = new RecordingClient();
    final ServerProcess.Remote lsp;

    Window(String expectedMode) throws Exception {
      server = ServerProcess.start(ws, env, "lsp");
      started.add(server);
      lsp = server.connect(client).getRemoteProxy();
      lsp.initialize(ServerProcess.initParams(ws, false)).get(60, TimeUnit.SECONDS);
      lsp.initialized(new InitializedParams());
      assertThat(RecordingClient.await(() -> client.statuses.stream().anyMatch(s -> expectedMode.equals(s.engine().mode())), 60_000))
          .as("window in mode " + expectedMode + ": " + client.statuses).isTrue();
    }

    JsonElement run(String command, Object args) throws Exception {
      Object r = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(command, List.of(args))).get(90, TimeUnit.SECONDS);
      return GSON.toJsonTree(r);
    }

    JsonObject status() throws Exception {
      return run("hostk8s.status", Map.of()).getAsJsonObject();
    }

    List<HostK8sEvent> takeOvers() {
      return client.events.stream().filter(e -> "engine.takeover".equals(e.type())).toList();
    }

    List<String> messages() {
      return client.logs.stream().map(MessageParams::getMessage).filter(m -> m.startsWith("HostK8s: The workspace's engine")).toList();
    }
  }

  @Test
  void killedOwnerTwoWindowsTakeOverOneOwnsTheOtherAttachesAndTheirWorkRunsOnce() throws Exception {
    Window owner = new Window("owner");
    Window a = new Window("attached");
    Window b = new Window("attached");
    a.run("hostk8s.sync.start", Map.of("service", "vote"));
    int port = a.run("hostk8s.forward.start", Map.of("service", "vote")).getAsJsonObject().get("localPort").getAsInt();
    assertThat(b.run("hostk8s.forward.start", Map.of("service", "vote")).getAsJsonObject().get("localPort").getAsInt())
        .as("the same forward, asked for by both windows").isEqualTo(port);
    b.run("hostk8s.logs.follow", Map.of("service", "vote", "tailLines", 0));

    long t0 = System.nanoTime();
    owner.server.process.destroyForcibly(); // SIGKILL: its socket file stays behind
    assertThat(owner.server.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Window winner = takenOver(a, b, t0);

    JsonObject st = b.status();
    assertThat(st.getAsJsonObject("engine").get("pid").getAsLong()).isEqualTo(winner.server.process.pid());
    JsonArray forwards = st.getAsJsonArray("forwards");
    assertThat(forwards).as("one forward, not one per window: " + forwards).hasSize(1);
    assertThat(forwards.get(0).getAsJsonObject().get("localPort").getAsInt()).as("on the same port").isEqualTo(port);
    assertThat(syncState(st, "vote")).as("a's sync restarted").isEqualTo("watching");
    assertThat(a.run("hostk8s.forward.list", Map.of()).getAsJsonArray()).hasSize(1);
    assertThat(ForwardFixtures.await(() -> get(port, "/?probe=after-kill"), Duration.ofSeconds(30))).as("the forward answers again").isTrue();
    assertThat(RecordingClient.await(() -> b.client.logBatches.stream().anyMatch(l -> String.join("\n", l.lines()).contains("probe=after-kill")),
        30_000)).as("b's log follow restarted").isTrue();
    for (Window w : List.of(a, b)) {
      assertThat(RecordingClient.await(() -> w.client.statuses.stream()
          .anyMatch(s -> s.engine().pid() == winner.server.process.pid()), 20_000)).as("hostk8s/status goes on").isTrue();
    }
    Path socket = ws.resolve(".hostk8s/engine/engine.sock");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
  }

  @Test
  void cleanlyStoppedOwnerEndsTheDebugSessionWithItsReasonAndTheWindowGetsTheNewAdapter() throws Exception {
    Window owner = new Window("owner");
    Window a = new Window("attached");
    Window b = new Window("attached");
    JsonObject before = a.run("hostk8s.debug.endpoint", Map.of("type", "hostk8s", "request", "attach", "service", "vote"))
        .getAsJsonObject();
    int port = b.run("hostk8s.forward.start", Map.of("service", "vote")).getAsJsonObject().get("localPort").getAsInt();
    Ide ide = new Ide(AdapterLink.unix(Path.of(before.get("path").getAsString())));
    InitializeRequestArguments init = new InitializeRequestArguments();
    init.setClientID("test");
    init.setAdapterID("hostk8s");
    ide.server.initialize(init).get(10, TimeUnit.SECONDS);

    long t0 = System.nanoTime();
    owner.lsp.shutdown().get(30, TimeUnit.SECONDS);
    owner.lsp.exit();
    assertThat(owner.server.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(RecordingClient.await(() -> ide.terminated.size() == 1, 10_000)).as("terminated: " + ide.output).isTrue();
    assertThat(String.join("", ide.output)).contains("The workspace's engine stopped (its owner, pid " + owner.server.process.pid()
        + ", exited)").contains("re-attaches the session by itself");
    takenOver(a, b, t0);

    @SuppressWarnings("unchecked")
    Map<String, Object> endpoint = (Map<String, Object>) a.takeOvers().get(0).data().get("debugEndpoint");
    assertThat(endpoint).as("the new adapter, re-published to the window that asked").isNotNull();
    Path path = Path.of((String) endpoint.get("path"));
    assertThat(path.toString()).isNotEqualTo(before.get("path").getAsString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    assertThat((String) endpoint.get("token")).isNotEqualTo(before.get("token").getAsString());
    assertThat(b.takeOvers().get(0).data().get("debugEndpoint")).as("b never asked for it").isNull();
    assertThat(serverLogs()).as("the token is never logged").isNotEmpty().noneMatch(l -> l.contains((String) endpoint.get("token")));
    assertThat(b.run("hostk8s.forward.list", Map.of()).getAsJsonArray()).hasSize(1);
    assertThat(ForwardFixtures.await(() -> get(port, "/healthz"), Duration.ofSeconds(30))).isTrue();
  }

  /** Both windows took over within seconds: one owns the engine, the other is attached to it; each said so once. */
  private static Window takenOver(Window a, Window b, long t0) throws Exception {
    assertThat(RecordingClient.await(() -> a.takeOvers().size() == 1 && b.takeOvers().size() == 1, 90_000))
        .as("both windows took over: " + a.client.events + " / " + b.client.events).isTrue();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    for (Window w : List.of(a, b)) {
      Map<String, Object> d = w.takeOvers().get(0).data();
      LOG.info("took over in " + d.get("tookOverMs") + " ms, work restarted in " + d.get("restartMs") + " ms " + d.get("restarted")
          + "; told " + ms + " ms after the owner went away");
      assertThat(((Number) d.get("tookOverMs")).longValue()).as("owner or attached again within a few seconds").isLessThan(10_000);
    }
    List<Window> owners = new ArrayList<>();
    for (Window w : List.of(a, b)) {
      Map<String, Object> d = w.takeOvers().get(0).data();
      if (Boolean.TRUE.equals(d.get("owner"))) {
        owners.add(w);
      }
    }
    assertThat(owners).as("exactly one owner").hasSize(1);
    Window winner = owners.get(0);
    Window other = winner == a ? b : a;
    assertThat(((Number) other.takeOvers().get(0).data().get("ownerPid")).longValue()).isEqualTo(winner.server.process.pid());
    assertThat(((List<?>) winner.takeOvers().get(0).data().get("failed"))).isEmpty();
    assertThat(((List<?>) other.takeOvers().get(0).data().get("failed"))).isEmpty();
    Thread.sleep(500);
    assertThat(a.messages()).as("told once").hasSize(1);
    assertThat(b.messages()).as("told once").hasSize(1);
    return winner;
  }

  /** Every server's log: the first writes .hostk8s/server.log, the others server.log.1, .2… (the file is locked). */
  private static List<String> serverLogs() throws java.io.IOException {
    List<String> logs = new ArrayList<>();
    try (var files = Files.newDirectoryStream(ws.resolve(".hostk8s"), "server.log*")) {
      for (Path f : files) {
        if (!f.toString().endsWith(".lck")) {
          logs.add(Files.readString(f, StandardCharsets.UTF_8));
        }
      }
    }
    return logs;
  }

  private static boolean get(int port, String path) {
    try {
      return ForwardFixtures.get(port, path).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static String syncState(JsonObject status, String service) {
    for (JsonElement s : status.getAsJsonArray("services")) {
      if (s.getAsJsonObject().get("name").getAsString().equals(service)) {
        return s.getAsJsonObject().getAsJsonObject("sync").get("state").getAsString();
      }
    }
    throw new AssertionError("no service " + service + " in " + status);
  }

  /** A DAP client as the IDE: records output and terminated events. */
  static final class Ide implements IDebugProtocolClient {
    final List<String> output = new CopyOnWriteArrayList<>();
    final List<TerminatedEventArguments> terminated = new CopyOnWriteArrayList<>();
    final IDebugProtocolServer server;

    Ide(AdapterLink link) {
      Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(this, link.in, link.out);
      l.startListening();
      server = l.getRemoteProxy();
    }

    @Override
    public void output(OutputEventArguments args) {
      output.add(args.getOutput());
    }

    @Override
    public void terminated(TerminatedEventArguments args) {
      terminated.add(args);
    }
  }
}
