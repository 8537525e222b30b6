package io.hostk8s.dev.testbed.recipes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a recipe may use: the pod and container, the workspace, the pod's root dir on the host and the
 * local port allocated for each declared container port.
 *
 * @param ports container port to local port
 */
public record RecipeContext(Pod pod, Container container, Path workspace, Path podRoot, Map<Integer, Integer> ports) {

  /** The host dir backing {@code containerPath} inside this pod's root. */
  public Path hostPath(String containerPath) {
    return podRoot.resolve(containerPath.replaceFirst("^/+", ""));
  }

  /** The declared port with this name, if any. */
  public Optional<ContainerPort> portNamed(String name) {
    return container.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  /** The first declared port that is not a debugger port, if any. */
  public Optional<ContainerPort> mainPort() {
    return container.getPorts().stream().filter(p -> !isDebugPort(p)).findFirst();
  }

  public int local(ContainerPort port) {
    return ports.get(port.getContainerPort());
  }

  public static boolean isDebugPort(ContainerPort p) {
    String n = p.getName() == null ? "" : p.getName();
    return n.contains("debug") || n.equals("jdwp") || p.getContainerPort() == 5678 || p.getContainerPort() == 5005;
  }

  public String annotation(String key) {
    Map<String, String> a = pod.getMetadata().getAnnotations();
    return a == null ? null : a.get(key);
  }
}
