package io.hostk8s.dev.lsp;

import io.hostk8s.dev.engine.TakeOver;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import io.hostk8s.dev.protocol.lsp.HostK8sClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;

/**
 * Tells the IDE, once, that its server took the workspace's engine over: {@code window/showMessage} for the person,
 * and the {@code hostk8s/event} {@value #TYPE} for the client ({@code data}: {@code formerOwnerPid}, {@code owner},
 * {@code ownerPid}, {@code restarted}, {@code failed} and, when the IDE had asked for it, the new
 * {@code debugEndpoint} — so it re-attaches the debug sessions that ended with the old owner). Then the status.
 */
final class TakeOverNotice {
  static final String TYPE = "engine.takeover";
  private static final Logger LOG = Logger.getLogger(TakeOverNotice.class.getName());

  private TakeOverNotice() {}

  static void tell(HostK8sClient client, TakeOver t, boolean shuttingDown, Runnable pushStatus) {
    if (client == null || shuttingDown) {
      return;
    }
    client.showMessage(new MessageParams(t.failed().isEmpty() ? MessageType.Info : MessageType.Warning, "HostK8s: " + t.text()));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("formerOwnerPid", t.formerOwnerPid());
    data.put("owner", t.owner());
    data.put("ownerPid", t.ownerPid());
    data.put("restarted", t.restarted());
    data.put("failed", t.failed());
    data.put("tookOverMs", t.tookOverMs());
    data.put("restartMs", t.restartMs());
    DebugEndpoint d = t.debugEndpoint();
    if (d != null) {
      Map<String, Object> endpoint = new LinkedHashMap<>();
      endpoint.put("path", d.path());
      endpoint.put("host", d.host());
      endpoint.put("port", d.port());
      endpoint.put("token", d.token());
      data.put("debugEndpoint", endpoint);
    }
    client.event(new HostK8sEvent(TYPE, null, t.text(), data, System.currentTimeMillis()));
    try {
      pushStatus.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "status after the take-over failed", e);
    }
  }
}
