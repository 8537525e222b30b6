package io.hostk8s.dev.debug;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.debug.java.JavaDebugAdapter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A JVM (the worker): an in-process java-debug server per connection, attached over JDWP to the forwarded port
 * with {@code hostName}/{@code port}; sources from the service's {@code src/main/java} (or {@code localRoot}).
 */
public final class JavaRuntime implements DebugRuntime {
  @Override
  public String name() {
    return "java";
  }

  @Override
  public DapConnection open(DebugTarget target, String host, int port, Duration timeout) {
    return JavaDebugAdapter.start(target.localRoot() == null ? List.of() : List.of(Path.of(target.localRoot())));
  }

  @Override
  public Path defaultLocalRoot(Path context) {
    return context.resolve("src/main/java");
  }

  @Override
  public JsonObject attachArguments(DebugTarget target, String host, int port) {
    JsonObject a = new JsonObject();
    for (Map.Entry<String, JsonElement> e : target.extra().entrySet()) {
      a.add(e.getKey(), e.getValue().deepCopy());
    }
    a.addProperty("hostName", host);
    a.addProperty("port", port);
    a.addProperty("projectName", target.service());
    if (target.localRoot() != null) {
      JsonArray roots = new JsonArray();
      roots.add(target.localRoot());
      a.add("sourcePaths", roots);
    }
    return a;
  }
}
