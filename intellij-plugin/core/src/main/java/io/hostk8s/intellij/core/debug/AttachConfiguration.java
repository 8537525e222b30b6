package io.hostk8s.intellij.core.debug;

import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HostK8s run configuration's debug session: what the plugin asks {@code hostk8s.debug.endpoint} (before the
 * session starts, off the EDT) and the {@code attach} arguments LSP4IJ sends verbatim ({@code getDapParameters}).
 */
public record AttachConfiguration(String service) {
  public static final String TYPE = "hostk8s";

  public AttachConfiguration {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("HostK8s: the debug configuration needs a service (e.g. vote).");
    }
  }

  public String name() {
    return "Debug " + service + " in cluster";
  }

  /** The {@code hostk8s.debug.endpoint} call's arguments (the configuration, without any token). */
  public List<Object> endpointArguments() {
    return List.of(Map.of("type", TYPE, "request", "attach", "service", service));
  }

  public String endpointCommand() {
    return CommandIds.DEBUG_ENDPOINT;
  }

  /** The attach request's arguments over TCP: the configuration plus the adapter's token. */
  public Map<String, Object> dapParameters(TcpAdapter adapter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", TYPE);
    m.put("name", name());
    m.put("request", "attach");
    m.put("service", service);
    m.put("token", adapter.token());
    return m;
  }
}
