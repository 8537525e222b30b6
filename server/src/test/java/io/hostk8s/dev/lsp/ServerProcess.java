package io.hostk8s.dev.lsp;

import io.hostk8s.dev.protocol.lsp.HostK8sServerApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/** The real server jar as a subprocess, driven over its stdio. */
public final class ServerProcess implements AutoCloseable {
  /** The server proxy: standard LSP plus our custom requests. */
  public interface Remote extends LanguageServer, HostK8sServerApi {}

  public final Process process;
  public final Path stderr;

  private ServerProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
  }

  public static Path jar() {
    String p = System.getProperty("hostk8s.serverJar", "target/hostk8s-dev-server.jar");
    Path jar = Path.of(p).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("server jar not built: " + jar + " (run mvn package first)");
    }
    return jar;
  }

  public static ServerProcess start(Path workspace, Map<String, String> env, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
    cmd.addAll(List.of(args));
    Path err = Files.createTempFile("hostk8s-server", ".stderr");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workspace.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    return new ServerProcess(pb.start(), err);
  }

  public static InitializeParams initParams(Path workspace, boolean progress) {
    InitializeParams p = new InitializeParams();
    p.setProcessId((int) ProcessHandle.current().pid());
    p.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "ws")));
    ClientCapabilities caps = new ClientCapabilities();
    WindowClientCapabilities window = new WindowClientCapabilities();
    window.setWorkDoneProgress(progress);
    caps.setWindow(window);
    p.setCapabilities(caps);
    return p;
  }

  public Launcher<Remote> connect(Object client) {
    Launcher<Remote> l = new LSPLauncher.Builder<Remote>().setLocalService(client).setRemoteInterface(Remote.class)
        .setInput(process.getInputStream()).setOutput(process.getOutputStream()).create();
    l.startListening();
    return l;
  }

  public String stderrText() throws IOException {
    return Files.readString(stderr);
  }

  @Override
  public void close() throws Exception {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    Files.deleteIfExists(stderr);
  }
}
