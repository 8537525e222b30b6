package io.hostk8s.intellij.lsp;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.application.ModalityState;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.diagnostic.Logger;
import com.intellij.openapi.project.Project;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.intellij.actions.HostK8sActionGroup;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import io.hostk8s.intellij.core.status.ServerState;
import io.hostk8s.intellij.core.status.StatusOrder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the plugin knows of its server, per project: its state, the latest status snapshot and the command catalog.
 * Listeners (widget, tool window, action group) are called on the EDT.
 */
@Service(Service.Level.PROJECT)
public final class HostK8sSession {
  private static final Logger LOG = Logger.getInstance(HostK8sSession.class);
  private final Project project;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile ServerState state = ServerState.STOPPED;
  private volatile StatusSnapshot snapshot;
  private volatile CommandCatalog catalog = CommandCatalog.empty();
  private final List<String> running = new CopyOnWriteArrayList<>();

  public HostK8sSession(Project project) {
    this.project = project;
  }

  public static HostK8sSession get(Project project) {
    return project.getService(HostK8sSession.class);
  }

  public ServerState state() {
    return state;
  }

  public StatusSnapshot snapshot() {
    return snapshot;
  }

  public CommandCatalog catalog() {
    return catalog;
  }

  /** The title of a long command this window runs (the widget's spinner until the server reports busy). */
  public String localBusy() {
    return running.isEmpty() ? null : running.get(0);
  }

  /** Reads hostk8s/commands again (its SERVICE choices follow hostk8s.dev.yaml); the cached catalog if that fails. */
  public CommandCatalog refreshedCatalog() {
    try {
      catalog = HostK8sServer.describe(project).get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.info("hostk8s/commands: " + e);
    }
    return catalog;
  }

  void serverState(ServerState s) {
    state = s;
    if (s == ServerState.RUNNING) {
      HostK8sServer.describe(project).thenAccept(c -> {
        catalog = c;
        HostK8sActionGroup.registerAll(c);
        changed();
      });
    } else if (s == ServerState.STOPPED) {
      catalog = CommandCatalog.empty();
    }
    changed();
  }

  synchronized void snapshot(StatusSnapshot s) {
    if (StatusOrder.replaces(snapshot, s)) {
      snapshot = s;
      changed();
    }
  }

  void event(HostK8sEvent e) {
    LOG.info("event " + e.type() + (e.service() != null ? " [" + e.service() + "]" : "") + ": " + e.message());
  }

  public void started(String title) {
    running.add(title);
    changed();
  }

  public void ended(String title) {
    running.remove(title);
    changed();
  }

  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  private void changed() {
    ApplicationManager.getApplication().invokeLater(() -> {
      if (!project.isDisposed()) {
        listeners.forEach(Runnable::run);
      }
    }, ModalityState.nonModal());
  }
}
