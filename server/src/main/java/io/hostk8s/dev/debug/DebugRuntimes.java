package io.hostk8s.dev.debug;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.Map;

/** The runtimes this build can debug, by their hostk8s.dev.yaml name. */
public final class DebugRuntimes {
  private final Map<String, DebugRuntime> byName;

  public DebugRuntimes(Map<String, DebugRuntime> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static DebugRuntimes standard() {
    return new DebugRuntimes(Map.of("python", new PythonRuntime(), "java", new JavaRuntime()));
  }

  public DebugRuntime get(String name) {
    DebugRuntime r = byName.get(name);
    if (r == null) {
      String why = "debug runtime '" + name + "' is not supported";
      throw HostK8sException.user(ErrorCode.DEBUG_RUNTIME_UNAVAILABLE, why + " (available: " + byName.keySet() + ").",
          "Debug a service whose debug.runtime is one of " + byName.keySet() + ", or use a build that has it.");
    }
    return r;
  }
}
