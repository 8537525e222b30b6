package io.hostk8s.intellij.core.status;

import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.core.commands.CommandCatalog;
import java.util.ArrayList;
import java.util.List;

/** The status widget's click popup: what makes sense in this state, among the commands the server offers. */
public final class QuickActions {
  /** A popup entry: a server command (its own title), or a URL to open ({@code command} null). */
  public record QuickAction(String label, String command, String url) {}

  private static final List<String> UP = List.of(CommandIds.UP, CommandIds.DEPLOY, CommandIds.STATUS, CommandIds.LOGS_FOLLOW,
      CommandIds.SYNC_START, CommandIds.SANDBOX_DOWN, CommandIds.CLUSTER_STOP, CommandIds.DOCTOR);
  private static final List<String> DOWN = List.of(CommandIds.CLUSTER_START, CommandIds.SANDBOX_UP, CommandIds.UP,
      CommandIds.STATUS, CommandIds.DOCTOR);

  private QuickActions() {}

  public static List<QuickAction> of(StatusSnapshot s, CommandCatalog catalog) {
    String state = s == null || s.cluster() == null ? "unknown" : s.cluster().state();
    String target = s == null || s.cluster() == null ? null : s.cluster().target();
    boolean up = "running".equals(state) || "degraded".equals(state);
    List<QuickAction> out = new ArrayList<>();
    for (String id : up ? UP : DOWN) {
      catalog.get(id).filter(c -> catalog.appliesTo(c.id(), target))
          .ifPresent(c -> out.add(new QuickAction(c.title(), c.id(), null)));
    }
    if (s != null) {
      for (ForwardStatus f : s.forwards()) {
        if (f.url() != null && "active".equals(f.state())) {
          out.add(new QuickAction("Open " + f.service(), null, f.url()));
        }
      }
    }
    return out;
  }
}
