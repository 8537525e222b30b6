package io.hostk8s.dev.debug;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Map;

/**
 * debugpy: DAP straight to its adapter's socket. Attach arguments carry {@code connect} (our forwarded address,
 * never the pod's), absolute {@code pathMappings} and {@code justMyCode}; subprocesses announced with
 * {@code debugpyAttach} are attached through the same forwarded port.
 */
public final class PythonRuntime implements DebugRuntime {
  @Override
  public String name() {
    return "python";
  }

  @Override
  public DapConnection open(DebugTarget target, String host, int port, Duration timeout) throws Exception {
    return SocketDapConnection.connect(host, port, timeout);
  }

  @Override
  public JsonObject attachArguments(DebugTarget target, String host, int port) {
    JsonObject a = new JsonObject();
    for (Map.Entry<String, JsonElement> e : target.extra().entrySet()) {
      a.add(e.getKey(), e.getValue().deepCopy());
    }
    a.addProperty("name", "hostk8s: " + target.service());
    a.addProperty("type", "python");
    a.addProperty("request", "attach");
    a.addProperty("subProcess", true);
    return withOurs(a, target, host, port);
  }

  @Override
  public JsonObject subprocessAttachArguments(JsonObject announced, DebugTarget target, String host, int port) {
    return withOurs(announced.deepCopy(), target, host, port);
  }

  private static JsonObject withOurs(JsonObject a, DebugTarget target, String host, int port) {
    JsonObject connect = new JsonObject();
    connect.addProperty("host", host);
    connect.addProperty("port", port);
    a.add("connect", connect);
    a.addProperty("justMyCode", target.justMyCode());
    if (target.remoteRoot() != null && target.localRoot() != null) {
      JsonObject m = new JsonObject();
      m.addProperty("localRoot", target.localRoot());
      m.addProperty("remoteRoot", target.remoteRoot());
      JsonArray mappings = new JsonArray();
      mappings.add(m);
      a.add("pathMappings", mappings);
    }
    return a;
  }
}
