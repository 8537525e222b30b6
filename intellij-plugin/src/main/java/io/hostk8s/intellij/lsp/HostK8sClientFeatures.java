package io.hostk8s.intellij.lsp;

import com.redhat.devtools.lsp4ij.ServerStatus;
import com.redhat.devtools.lsp4ij.client.features.LSPClientFeatures;
import io.hostk8s.intellij.core.status.ServerState;
import org.jetbrains.annotations.NotNull;

/**
 * Keeps the server running when no mapped file is open (LSP4IJ would stop it 5 s after the last one closes: the dev
 * loop, forwards and debug sessions live in it) and tells the session when it starts or stops.
 */
final class HostK8sClientFeatures extends LSPClientFeatures {
  @Override
  public boolean keepServerAlive() {
    return true;
  }

  @Override
  public void handleServerStatusChanged(@NotNull ServerStatus status) {
    ServerState state = switch (status) {
      case started -> ServerState.RUNNING;
      case starting, checking_installed, installing, installed -> ServerState.STARTING;
      default -> ServerState.STOPPED;
    };
    HostK8sSession.get(getProject()).serverState(state);
  }
}
