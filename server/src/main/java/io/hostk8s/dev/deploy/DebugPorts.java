package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.hostk8s.dev.config.DebugConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a container ready for its debugger: python → port {@code debugpy} (5678); java → port {@code jdwp}
 * (5005) and a JDWP agent in {@code JAVA_TOOL_OPTIONS}; node → port {@code inspector} (9229) and
 * {@code --inspect} in {@code NODE_OPTIONS}. Merges with what the container already declares.
 */
final class DebugPorts {
  private static final Pattern JDWP = Pattern.compile("-agentlib:jdwp=\\S*");
  private static final Pattern INSPECT = Pattern.compile("--inspect(-brk)?(=\\S*)?");

  private DebugPorts() {}

  static List<DevTransform.Change> ensure(String service, Container c, DebugConfig debug) {
    List<DevTransform.Change> changes = new ArrayList<>();
    String runtime = debug.runtime() == null ? "" : debug.runtime();
    int port = debug.port() > 0 ? debug.port() : defaultPort(runtime);
    switch (runtime) {
      case "python" -> port(service, c, "debugpy", port, changes);
      case "java" -> {
        port(service, c, "jdwp", port, changes);
        option(service, c, "JAVA_TOOL_OPTIONS", JDWP,
            "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:" + port, changes);
      }
      case "node" -> {
        port(service, c, "inspector", port, changes);
        option(service, c, "NODE_OPTIONS", INSPECT, "--inspect=0.0.0.0:" + port, changes);
      }
      default -> { }
    }
    return changes;
  }

  static int defaultPort(String runtime) {
    return switch (runtime) {
      case "java" -> 5005;
      case "node" -> 9229;
      default -> 5678;
    };
  }

  /** Port {@code number} named {@code name}: kept if present (by number or by name), never added twice. */
  private static void port(String service, Container c, String name, int number, List<DevTransform.Change> changes) {
    List<ContainerPort> ports = new ArrayList<>(c.getPorts() == null ? List.of() : c.getPorts());
    ContainerPort byNumber = ports.stream().filter(p -> p.getContainerPort() != null && p.getContainerPort() == number).findFirst().orElse(null);
    ContainerPort byName = ports.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
    if (byNumber != null) {
      if (byNumber.getName() == null && byName == null) {
        byNumber.setName(name);
        changes.add(new DevTransform.Change(service, c.getName(), "port", "named containerPort " + number + " " + name));
      }
      return;
    }
    if (byName != null) {
      changes.add(new DevTransform.Change(service, c.getName(), "port",
          "port " + name + " moved from " + byName.getContainerPort() + " to " + number));
      byName.setContainerPort(number);
    } else {
      ports.add(new ContainerPortBuilder().withName(name).withContainerPort(number).withProtocol("TCP").build());
      changes.add(new DevTransform.Change(service, c.getName(), "port", "added containerPort " + number + " (" + name + ")"));
    }
    c.setPorts(ports);
  }

  /** Sets {@code wanted} in the env option {@code var}, replacing an existing agent option, never doubling it. */
  private static void option(String service, Container c, String var, Pattern existing, String wanted,
      List<DevTransform.Change> changes) {
    List<EnvVar> env = new ArrayList<>(c.getEnv() == null ? List.of() : c.getEnv());
    EnvVar current = env.stream().filter(e -> var.equals(e.getName())).findFirst().orElse(null);
    if (current == null) {
      env.add(new EnvVarBuilder().withName(var).withValue(wanted).build());
      changes.add(new DevTransform.Change(service, c.getName(), "env", "set " + var + "=" + wanted));
      c.setEnv(env);
      return;
    }
    if (current.getValueFrom() != null) {
      return;
    }
    String value = current.getValue() == null ? "" : current.getValue();
    var m = existing.matcher(value);
    String next;
    if (m.find()) {
      if (m.group().equals(wanted)) {
        return;
      }
      next = (value.substring(0, m.start()) + wanted + existing.matcher(value.substring(m.end())).replaceAll("")).strip()
          .replaceAll("\\s+", " ");
      changes.add(new DevTransform.Change(service, c.getName(), "env", "replaced " + m.group() + " by " + wanted + " in " + var));
    } else {
      next = (value + " " + wanted).strip();
      changes.add(new DevTransform.Change(service, c.getName(), "env", "appended " + wanted + " to " + var));
    }
    current.setValue(next);
    c.setEnv(env);
  }
}
