package io.hostk8s.dev.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges one service entry of hostk8s.dev.yaml over a base service, key by key. */
final class ServiceMerger {
  private ServiceMerger() {}

  /** What a service that is not one of the defaults starts from. */
  static ServiceConfig newService(String name) {
    return new ServiceConfig(name, "Dockerfile", "hostk8s-" + name, Map.of("app", name), name, List.of(), null);
  }

  static ServiceConfig merge(JsonNode node, ServiceConfig base) {
    List<SyncRule> sync = node.path("sync").isArray() ? syncRules(node.path("sync")) : base.sync();
    DebugConfig debug = base.debug();
    if (node.has("debug")) {
      JsonNode d = node.get("debug");
      debug = d.isNull() ? null : d.isObject() ? mergeDebug(d, base.debug(), sync) : base.debug();
    }
    if (debug != null && debug.remoteRoot() == null && !sync.isEmpty()) {
      debug = new DebugConfig(debug.runtime(), debug.port(), debug.localPort(), sync.get(0).to());
    }
    LocalRunConfig local = base.local();
    if (node.has("local")) {
      JsonNode l = node.get("local");
      local = l.isNull() ? null : l.isObject() ? mergeLocal(l, base.local()) : base.local();
    }
    return new ServiceConfig(Values.text(node, "context", base.context()), Values.text(node, "dockerfile", base.dockerfile()),
        Values.text(node, "image", base.image()), selector(node.path("selector"), base.selector()),
        Values.text(node, "container", base.container()), sync, debug, Values.text(node, "afterSync", base.afterSync()), local);
  }

  /** {@code local}: merged key by key over the default; {@code command} and {@code dependencies} replace, {@code env} adds. */
  private static LocalRunConfig mergeLocal(JsonNode node, LocalRunConfig base) {
    LocalRunConfig b = base != null ? base : new LocalRunConfig(null, null, null, null, null, null, null);
    List<String> command = node.path("command").isArray() ? strings(node.path("command")) : b.command();
    List<String> deps = node.path("dependencies").isArray() ? strings(node.path("dependencies")) : b.dependencies();
    Map<String, String> env = new LinkedHashMap<>(b.env());
    node.path("env").properties().forEach(e -> {
      if (e.getValue().isNull()) {
        env.remove(e.getKey());
      } else if (e.getValue().isValueNode()) {
        env.put(e.getKey(), e.getValue().asText());
      }
    });
    return new LocalRunConfig(command, Values.text(node, "python", b.python()), Values.text(node, "cwd", b.cwd()), env, deps,
        Values.integer(node, "port", b.port()), Values.integer(node, "debugPort", b.debugPort()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(i -> {
      if (i.isValueNode() && !i.isNull()) {
        out.add(i.asText());
      }
    });
    return out;
  }

  private static Map<String, String> selector(JsonNode node, Map<String, String> base) {
    if (!node.isObject() || node.isEmpty()) {
      return base;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    node.properties().forEach(e -> {
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        labels.put(e.getKey(), e.getValue().asText());
      }
    });
    return labels.isEmpty() ? base : labels;
  }

  private static List<SyncRule> syncRules(JsonNode array) {
    List<SyncRule> rules = new ArrayList<>();
    for (JsonNode item : array) {
      String to = Values.text(item, "to", null);
      if (item.isObject() && to != null) {
        List<String> ignore = new ArrayList<>();
        item.path("ignore").forEach(i -> {
          if (i.isTextual()) {
            ignore.add(i.asText());
          }
        });
        rules.add(new SyncRule(Values.text(item, "from", "."), to, ignore));
      }
    }
    return rules;
  }

  private static DebugConfig mergeDebug(JsonNode node, DebugConfig base, List<SyncRule> sync) {
    String runtime = Values.text(node, "runtime", base == null ? null : base.runtime());
    boolean sameRuntime = base != null && runtime != null && runtime.equals(base.runtime());
    boolean keepPort = base != null && (sameRuntime || defaultPort(runtime) == 0);
    int port = Values.integer(node, "port", keepPort ? Integer.valueOf(base.port()) : defaultPort(runtime));
    Integer localPort = Values.integer(node, "localPort", base == null ? null : base.localPort());
    String fallbackRoot = base != null && base.remoteRoot() != null ? base.remoteRoot() : sync.isEmpty() ? null : sync.get(0).to();
    return new DebugConfig(runtime, port, localPort, Values.text(node, "remoteRoot", fallbackRoot));
  }

  /** The usual debugger port of a runtime: debugpy 5678, JDWP 5005, node inspector 9229; 0 if unknown. */
  static int defaultPort(String runtime) {
    if (runtime == null) {
      return 0;
    }
    switch (runtime) {
      case "python":
        return 5678;
      case "java":
        return 5005;
      case "node":
        return 9229;
      default:
        return 0;
    }
  }
}
