package io.hostk8s.intellij.core.debug;

import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.intellij.core.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "HostK8s worker (JVM)" configuration: IntelliJ's own Remote JVM Debug, pointed at the server's forward of the
 * worker's JDWP port. {@code hostk8s.forward.start} opens (or returns) that forward; its local port is stable (the
 * debug config's {@code localPort}, else one the server keeps) and it follows pod replacements, so a saved Remote JVM
 * Debug configuration keeps working after a redeploy (IntelliJ re-attaches when the user starts it again).
 */
public record JdwpForward(String service, int jdwpPort) {
  /** The voting app's Java service, when the configuration says nothing else. */
  public static final String WORKER = "worker";
  public static final String NAME = "jdwp";
  public static final String HOST = "127.0.0.1";

  public String command() {
    return CommandIds.FORWARD_START;
  }

  public List<Object> arguments() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service", service);
    m.put("port", jdwpPort);
    m.put("name", NAME);
    return List.of(m);
  }

  /** The forward's local port from the command's answer (a map with Double numbers as LSP4IJ gives it). */
  public static int localPort(Object reply) {
    ForwardStatus f = Json.as(reply, ForwardStatus.class);
    if (f == null || f.localPort() <= 0) {
      throw new IllegalArgumentException("HostK8s: hostk8s.forward.start returned no local port.");
    }
    return f.localPort();
  }
}
