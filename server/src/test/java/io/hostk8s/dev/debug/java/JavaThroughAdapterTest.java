package io.hostk8s.dev.debug.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.dap.DapServer;
import io.hostk8s.dev.debug.java.fixture.Ticker;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.EngineInfo;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.ContinueArguments;
import org.eclipse.lsp4j.debug.InitializeRequestArguments;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.launch.DSPLauncher;
import org.eclipse.lsp4j.debug.services.IDebugProtocolClient;
import org.eclipse.lsp4j.debug.services.IDebugProtocolServer;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The java runtime behind the hostk8s adapter: a real JVM over JDWP, attached with target + runtime java. */
class JavaThroughAdapterTest {
  @TempDir
  Path ws;

  @Test
  void aBreakpointInTheJvmStopsThroughTheAdapter() throws Exception {
    Path classes = Path.of(Ticker.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JvmDebuggee jvm = JvmDebuggee.start(classes, Ticker.class.getName());
        EngineServices engine = new EngineServices(new Workspace(ws, Map.of(), null),
            new EngineInfo("owner", "test", ProcessHandle.current().pid(), ws.toString()), (s, l, p) -> {
              throw new IllegalStateException();
            })) {
      DapServer server = DapServer.of(engine);
      BlockingQueue<StoppedEventArguments> stops = new LinkedBlockingQueue<>();
      try (Socket socket = new Socket(server.host(), server.port())) { // TCP, as LSP4IJ connects: attach shows the token
        Launcher<IDebugProtocolServer> l = DSPLauncher.createClientLauncher(new IDebugProtocolClient() {
          @Override
          public void stopped(StoppedEventArguments args) {
            stops.add(args);
          }
        }, socket.getInputStream(), socket.getOutputStream());
        l.startListening();
        IDebugProtocolServer ide = l.getRemoteProxy();
        InitializeRequestArguments init = new InitializeRequestArguments();
        init.setAdapterID("hostk8s");
        init.setLinesStartAt1(true);
        init.setPathFormat("path");
        ide.initialize(init).get(20, TimeUnit.SECONDS);
        ide.attach(Map.of("type", "hostk8s", "request", "attach", "runtime", "java", "token", server.token(),
            "target", Map.of("host", "127.0.0.1", "port", jvm.port),
            "localRoot", JavaDebugAdapterTest.SOURCE_ROOT.toString())).get(60, TimeUnit.SECONDS);
        assertThat(engine.status().get().debugSessions()).extracting(DebugSessionStatus::runtime, DebugSessionStatus::state)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("java", "attached"));
        org.eclipse.lsp4j.debug.SetBreakpointsArguments a = new org.eclipse.lsp4j.debug.SetBreakpointsArguments();
        org.eclipse.lsp4j.debug.Source src = new org.eclipse.lsp4j.debug.Source();
        src.setPath(JavaDebugAdapterTest.TICKER.toString());
        a.setSource(src);
        org.eclipse.lsp4j.debug.SourceBreakpoint bp = new org.eclipse.lsp4j.debug.SourceBreakpoint();
        int line = DapTestClient.lineOf(JavaDebugAdapterTest.TICKER, "// BREAKPOINT");
        bp.setLine(line);
        a.setBreakpoints(new org.eclipse.lsp4j.debug.SourceBreakpoint[] {bp});
        ide.setBreakpoints(a).get(20, TimeUnit.SECONDS);
        ide.configurationDone(new ConfigurationDoneArguments()).get(20, TimeUnit.SECONDS);
        StoppedEventArguments stop = stops.poll(30, TimeUnit.SECONDS);
        assertThat(stop).isNotNull();
        org.eclipse.lsp4j.debug.StackTraceArguments st = new org.eclipse.lsp4j.debug.StackTraceArguments();
        st.setThreadId(stop.getThreadId());
        StackFrame top = ide.stackTrace(st).get(20, TimeUnit.SECONDS).getStackFrames()[0];
        assertThat(top.getLine()).isEqualTo(line);
        assertThat(top.getSource().getPath()).isEqualTo(JavaDebugAdapterTest.TICKER.toString());
        ContinueArguments ca = new ContinueArguments();
        ca.setThreadId(stop.getThreadId());
        ide.continue_(ca).get(20, TimeUnit.SECONDS);
        CompletableFuture<Void> bye = ide.disconnect(new org.eclipse.lsp4j.debug.DisconnectArguments());
        bye.get(20, TimeUnit.SECONDS);
      }
      assertThat(jvm.process.isAlive()).as("the debuggee keeps running").isTrue();
    }
  }
}
