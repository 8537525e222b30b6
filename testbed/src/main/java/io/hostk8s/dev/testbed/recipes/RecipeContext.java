package io.hostk8s.dev.testbed.recipes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a recipe may use: the pod and container, the workspace, the pod's root dir on the host, the local
 * port allocated for each declared container port, and private dirs outside the workspace.
 *
 * @param ports container port to local port
 * @param privateDirs container path to a host dir outside the workspace that other OS users can reach (the
 *     kubelet links the pod-root path to it); without one, the pod-root path itself
 */
public record RecipeContext(Pod pod, Container container, Path workspace, Path podRoot, Map<Integer, Integer> ports,
    Function<String, Path> privateDirs) {

  /** A context whose private dirs are plain pod-root dirs. */
  public RecipeContext(Pod pod, Container container, Path workspace, Path podRoot, Map<Integer, Integer> ports) {
    this(pod, container, workspace, podRoot, ports, null);
  }

  public RecipeContext {
    if (privateDirs == null) {
      Path root = podRoot;
      privateDirs = cp -> root.resolve(cp.replaceFirst("^/+", ""));
    }
  }

  /**
   * The host dir backing {@code containerPath} when the process runs as another OS user that must reach it (postgres
   * as {@code postgres} under a root sandbox): outside the workspace, whose parents may be 0700; the pod-root path
   * ({@link #hostPath}) points at it, so execs in the pod still see it.
   */
  public Path privateDir(String containerPath) {
    return privateDirs.apply(containerPath);
  }

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
