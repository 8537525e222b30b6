package io.hostk8s.dev.dap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.Gson;
import io.hostk8s.dev.lsp.FakeJar;
import io.hostk8s.dev.lsp.RecordingClient;
import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import io.hostk8s.intellij.core.debug.AttachConfiguration;
import io.hostk8s.intellij.core.debug.DebugChoices;
import io.hostk8s.intellij.core.debug.JdwpForward;
import io.hostk8s.intellij.core.debug.ServiceDebug;
import io.hostk8s.intellij.core.debug.TcpAdapter;
import io.hostk8s.intellij.core.errors.ErrorData;
import io.hostk8s.intellij.core.errors.ErrorView;
import io.hostk8s.intellij.core.status.ServerState;
import io.hostk8s.intellij.core.status.StatusText;
import io.hostk8s.intellij.core.tree.StatusTree;
import io.hostk8s.intellij.core.tree.TreeNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.debug.Capabilities;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.ThreadsResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server jar driven exactly as the IntelliJ plugin drives it through LSP4IJ 0.20.1, with the plugin's own
 * core deciding what to show: LSP4IJ's initialize params; the Tools → HostK8s catalog from the announced and described
 * commands; the status widget and tool window from real hostk8s/status notifications (vote deployed in a sandbox);
 * an error's message, suggestions and fixes from its data; a long command's server-created progress cancelled from
 * the progress UI; and a debug session over TCP in LSP4IJ's DAP order (initialize → attach with the token, not awaited
 * → the initialized event → setBreakpoints → configurationDone only if advertised) that stops in vote's POST route.
 */
@ExtendWith(SandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Lsp4ijClientWireTest {
  static final String SLOW = "System.out.println(\"fake sandbox starting\"); System.out.flush(); Thread.sleep(120000);";
  @TempDir
  static Path ws;
  static Sandbox sandbox;
  static ServerProcess server;
  static RecordingClient client;
  static ServerProcess.Remote lsp;
  static CommandCatalog catalog;

  @BeforeAll
  static void voteInASandboxAndTheServerStartedAsLsp4ijStartsIt(Sandbox s) throws Exception {
    VoteSandbox.requireTools();
    sandbox = s;
    VoteSandbox.deploy(s);
    Path fake = FakeJar.build(ws.resolve("fake"), SLOW);
    server = ServerProcess.start(ws, Map.of("KUBECONFIG", s.kubeconfigPath().toString(), "HOSTK8S_SANDBOX_JAR", fake.toString()), "lsp");
    client = new RecordingClient();
    lsp = server.connect(client).getRemoteProxy();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void theMenuHasOneActionPerCommandTheServerAnnouncesWithItsOwnTitlesAndPrompts() throws Exception {
    InitializeResult init = lsp.initialize(Lsp4ij.initializeParams(ws)).get(60, TimeUnit.SECONDS);
    lsp.initialized(new InitializedParams());
    List<String> announced = init.getCapabilities().getExecuteCommandProvider().getCommands();
    List<CommandDescription> described = lsp.hostk8sCommands().get(30, TimeUnit.SECONDS);
    catalog = CommandCatalog.of(announced, described);
    assertThat(catalog.commands()).extracting(CommandDescription::id).as("every announced command is described")
        .containsExactlyInAnyOrderElementsOf(announced);
    assertThat(announced).doesNotContainAnyElementsOf(CommandCatalog.CLIENT_COMMANDS);
    assertThat(DebugChoices.debuggable(catalog)).contains(List.of("vote", "worker"));
  }

  @Test
  @Order(2)
  void theStatusWidgetAndToolWindowShowVoteReadyFromTheServersNotifications() throws Exception {
    assertThat(RecordingClient.await(() -> latest() != null && latest().services().stream()
        .anyMatch(x -> x.name().equals("vote") && x.ready() > 0), 60_000)).as("statuses: " + client.statuses).isTrue();
    StatusSnapshot s = latest();
    assertThat(StatusText.text(ServerState.RUNNING, s, null)).startsWith("HostK8s: running · ").contains(" ready");
    TreeNode vote = StatusTree.build(s, catalog::offers).get(1).children().stream()
        .filter(n -> n.label().equals("vote")).findFirst().orElseThrow();
    assertThat(vote.description()).isEqualTo("1/1 ready");
    assertThat(vote.children()).anyMatch(n -> n.kind() != null && n.kind().equals("pod"));
  }

  static StatusSnapshot latest() {
    return client.statuses.isEmpty() ? null : client.statuses.get(client.statuses.size() - 1);
  }

  @Test
  @Order(3)
  void aFailedCommandShowsTheServersMessageAndSuggestionReadFromItsErrorData() {
    Throwable t = catchThrowable(() -> lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(
        "hostk8s.forward.start", List.of(Map.of("service", "nope")))).get(30, TimeUnit.SECONDS));
    assertThat(t).isNotNull();
    ErrorData data = ErrorData.of(t);
    assertThat(data.serverCode()).as("" + t).isPositive();
    var raw = (com.google.gson.JsonObject) ((org.eclipse.lsp4j.jsonrpc.ResponseErrorException) t.getCause()).getResponseError().getData();
    ErrorView v = ErrorView.of("Forward", data);
    assertThat(v.text()).startsWith("HostK8s: Forward failed: " + data.message().substring(0, 20));
    assertThat(v.detail().get(0)).contains("[" + raw.get("name").getAsString() + " " + data.serverCode() + "]");
    assertThat(v.detail()).as("every suggestion in the console").hasSize(1 + raw.getAsJsonArray("suggestions").size());
    assertThat(ErrorView.of("Forward", ErrorData.of(new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(
        new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(data.code(), data.message(), new Gson().fromJson(raw, Object.class))))))
        .as("the same from a map with Double numbers").isEqualTo(v);
    System.err.println("error as the plugin shows it: " + v.text() + " / " + v.detail());
  }

  @Test
  @Order(4)
  void aLongCommandsProgressIsCreatedByTheServerAndItsCancelEndsTheCommand() throws Exception {
    int before = client.progressCreated.size();
    CompletableFuture<Object> up = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams("hostk8s.sandbox.up", List.of()));
    assertThat(RecordingClient.await(() -> client.progressCreated.size() > before && client.progress.stream().anyMatch(p ->
        p.getValue().getLeft() instanceof WorkDoneProgressBegin b && Boolean.TRUE.equals(b.getCancellable())), 30_000))
        .as("LSP4IJ sends no token: the server creates one and begins a cancellable progress").isTrue();
    lsp.cancelProgress(new WorkDoneProgressCancelParams(client.progressCreated.get(before).getToken()));
    ErrorView v = ErrorView.of("Start the sandbox", ErrorData.of(catchThrowable(() -> up.get(30, TimeUnit.SECONDS))));
    assertThat(v.cancelled()).isTrue();
    assertThat(v.text()).isEqualTo("HostK8s: Start the sandbox was cancelled.");
  }

  @Test
  @Order(5)
  void aDebugSessionOverTcpInLsp4ijsOrderStopsInVote() throws Exception {
    AttachConfiguration vote = new AttachConfiguration("vote");
    Object reply = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(vote.endpointCommand(), vote.endpointArguments()))
        .get(60, TimeUnit.SECONDS);
    assertThat(reply).as("untyped, as LSP4IJ gets it").isInstanceOf(Map.class);
    assertThat(((Map<?, ?>) reply).get("port")).isInstanceOf(Double.class);
    TcpAdapter adapter = TcpAdapter.of(reply);
    try (DapTestClient ide = new DapTestClient(adapter.host(), adapter.port())) {
      Capabilities caps = ide.server.initialize(Lsp4ij.dapInitialize(AttachConfiguration.TYPE)).get(10, TimeUnit.SECONDS);
      CompletableFuture<Void> attached = ide.server.attach(vote.dapParameters(adapter)); // LSP4IJ does not wait for it
      assertThat(RecordingClient.await(() -> ide.initialized, 60_000)).as("the initialized event; output: " + ide.output).isTrue();
      VoteScenario scenario = new VoteScenario(ide, sandbox.serviceLocalPort(VoteSandbox.NS, "vote", 80).orElseThrow(),
          ws.resolve("voting-app/vote/app.py"));
      ide.server.setBreakpoints(scenario.breakpoint()).get(10, TimeUnit.SECONDS);
      if (caps.getExceptionBreakpointFilters() != null) {
        SetExceptionBreakpointsArguments ex = new SetExceptionBreakpointsArguments();
        ex.setFilters(new String[0]);
        ide.server.setExceptionBreakpoints(ex).get(10, TimeUnit.SECONDS);
      }
      if (Boolean.TRUE.equals(caps.getSupportsConfigurationDoneRequest())) {
        ide.server.configurationDone(new ConfigurationDoneArguments()).get(10, TimeUnit.SECONDS);
      }
      attached.get(60, TimeUnit.SECONDS);
      ThreadsResponse threads = ide.server.threads().get(10, TimeUnit.SECONDS);
      assertThat(threads.getThreads()).isNotNull();
      scenario.voteStopInspectContinue("a", Duration.ofSeconds(90));
      assertThat(RecordingClient.await(() -> latest().debugSessions().stream()
          .anyMatch(d -> d.service().equals("vote") && d.state().equals("attached")), 10_000)).as("the session in the tool window").isTrue();
      ide.server.disconnect(new DisconnectArguments()).get(10, TimeUnit.SECONDS);
    }
    assertThat(server.stderrText()).doesNotContain(adapter.token());
    assertThat(new Gson().toJson(client.logs)).as("the token is never logged to the client").doesNotContain(adapter.token());
  }

  /**
   * The worker configuration's steps against the real server: the debug port from hostk8s.config.show, then the JDWP-
   * style forward — tried on vote's debug port (the worker is not deployed here): a stable port the core reads.
   */
  @Test
  @Order(6)
  void theJvmConfigurationsConfigAndForwardAnswersAreReadByTheCore() throws Exception {
    Object config = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(ServiceDebug.command(), ServiceDebug.arguments()))
        .get(30, TimeUnit.SECONDS);
    assertThat(ServiceDebug.of(config, "worker")).contains(new ServiceDebug("worker", "java", 5005));
    ServiceDebug vote = ServiceDebug.of(config, "vote").orElseThrow();
    assertThat(vote.isJava()).isFalse();
    JdwpForward forward = new JdwpForward("vote", vote.port());
    Object first = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(forward.command(), forward.arguments()))
        .get(60, TimeUnit.SECONDS);
    Object again = lsp.getWorkspaceService().executeCommand(new ExecuteCommandParams(forward.command(), forward.arguments()))
        .get(60, TimeUnit.SECONDS);
    int port = JdwpForward.localPort(first);
    assertThat(JdwpForward.localPort(again)).as("the same forward, the same port").isEqualTo(port);
    try (java.net.Socket s = new java.net.Socket(JdwpForward.HOST, port)) {
      assertThat(s.isConnected()).isTrue();
    }
    assertThat(RecordingClient.await(() -> latest().forwards().stream()
        .anyMatch(f -> f.name().equals(JdwpForward.NAME) && f.localPort() == port), 10_000)).isTrue();
  }
}
