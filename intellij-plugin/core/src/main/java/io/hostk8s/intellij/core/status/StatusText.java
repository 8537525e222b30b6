package io.hostk8s.intellij.core.status;

import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The status-bar widget's text and tooltip, from a {@code hostk8s/status} snapshot (as VS Code's status bar). */
public final class StatusText {
  private StatusText() {}

  public static boolean ready(ServiceStatus s) {
    return s.total() > 0 && s.ready() >= s.total();
  }

  public static long readyCount(StatusSnapshot s) {
    return s.services().stream().filter(StatusText::ready).count();
  }

  /** The largest last sync latency over the services, if any service has synced. */
  public static OptionalLong lastSyncLatency(StatusSnapshot s) {
    return s.services().stream().filter(x -> x.sync() != null && x.sync().lastLatencyMs() != null)
        .mapToLong(x -> x.sync().lastLatencyMs()).max();
  }

  /** {@code localBusy}: the title of a long command this window runs (until the server reports its own busy state). */
  public static String text(ServerState server, StatusSnapshot s, String localBusy) {
    if (server == ServerState.STARTING) {
      return "HostK8s: starting";
    }
    if (server == ServerState.STOPPED) {
      return "HostK8s: server stopped";
    }
    if (s == null || s.cluster() == null) {
      return "HostK8s: reading status";
    }
    String busy = s.busy() != null && !s.busy().isBlank() ? s.busy() : localBusy;
    String state = s.cluster().state();
    List<String> parts = new ArrayList<>(List.of("HostK8s: " + state));
    if ("running".equals(state) || "degraded".equals(state)) {
      parts.add(readyCount(s) + "/" + s.services().size() + " ready");
    }
    lastSyncLatency(s).ifPresent(ms -> parts.add("sync " + ms + " ms"));
    if (busy != null && !busy.isBlank()) {
      parts.add(busy);
    }
    return String.join(" · ", parts);
  }

  public static String tooltip(ServerState server, StatusSnapshot s) {
    if (s == null || s.cluster() == null) {
      return server == ServerState.STOPPED ? "The HostK8s server is not running. Click for actions." : "HostK8s";
    }
    var c = s.cluster();
    List<String> lines = new ArrayList<>();
    lines.add("Cluster " + (c.name() == null ? "" : c.name()) + ": " + c.state() + (c.reason() != null ? " (" + c.reason() + ")" : ""));
    if (c.context() != null) {
      lines.add("Context " + c.context() + " at " + (c.server() == null ? "?" : c.server()));
    }
    for (ServiceStatus x : s.services()) {
      lines.add(x.name() + ": " + x.ready() + "/" + x.total() + (x.reason() != null ? " — " + x.reason() : ""));
    }
    if (s.engine() != null) {
      lines.add("Engine: " + s.engine().mode() + (s.engine().pid() > 0 ? " (pid " + s.engine().pid() + ")" : ""));
    }
    return String.join("\n", lines);
  }
}
