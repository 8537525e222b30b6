package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.recipes.Recipes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The sandbox as a background process: state files {@code kubeconfig}, {@code sandbox.pid}, {@code ready}. */
final class SandboxDaemon {

  private SandboxDaemon() {
  }

  private static Daemon daemon(Path state) {
    return new Daemon(state, "sandbox");
  }

  static int runForeground(Path workspace, Path state, int port) throws Exception {
    return daemon(state).serve(() -> {
      Sandbox sandbox = Sandbox.start(new SandboxOptions(workspace, state, port, Recipes.defaults()));
      return new Daemon.Service() {
        @Override
        public String url() {
          return sandbox.apiUrl();
        }

        @Override
        public void close() {
          sandbox.close();
        }
      };
    });
  }

  static int up(Path workspace, Path state, int port, PrintStream out, PrintStream err) throws Exception {
    Optional<String> api = daemon(state).up(List.of("run", "--workspace", workspace.toString(), "--state-dir",
        state.toString(), "--port", String.valueOf(port)), out, err);
    if (api.isEmpty()) {
      return 1;
    }
    out.println("sandbox API " + api.get());
    out.println(state.resolve("kubeconfig"));
    return 0;
  }

  static int down(Path state, PrintStream out, PrintStream err) throws IOException {
    return daemon(state).down(out, err);
  }

  static Optional<ProcessHandle> running(Path state) throws IOException {
    return daemon(state).running();
  }
}
