package io.hostk8s.dev.deploy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ROLLOUT_FAILED (4007): one block per failing service — its pod and container, the reason and the kubelet's
 * message, and for a crash the last log lines — and one suggestion per kind of failure.
 */
final class RolloutFailure {
  private RolloutFailure() {}

  /** {@code logs}: {@link ContainerProblem#key()} → last log lines, for the containers that ended. */
  static HostK8sException of(List<ContainerProblem> fatal, Map<String, List<String>> logs, String namespace) {
    Map<String, List<ContainerProblem>> byService = new LinkedHashMap<>();
    fatal.forEach(p -> byService.computeIfAbsent(p.service(), s -> new ArrayList<>()).add(p));
    List<String> blocks = new ArrayList<>();
    Set<String> fixes = new LinkedHashSet<>();
    for (List<ContainerProblem> problems : byService.values()) {
      ContainerProblem p = problems.get(0);
      StringBuilder b = new StringBuilder(p.service()).append(" cannot start: pod ").append(p.pod())
          .append(", container ").append(p.container()).append(": ").append(p.describe());
      if (p.message() != null && !p.message().isBlank()) {
        b.append(" — ").append(p.message().strip());
      }
      if (problems.size() > 1) {
        b.append(" (").append(problems.size() - 1).append(" more of its containers/pods alike)");
      }
      List<String> log = p.crashed() ? logs.getOrDefault(p.key(), List.of()) : List.of();
      if (p.crashed()) {
        b.append(log.isEmpty() ? "\n  its log is empty" : "\n  last " + log.size() + " log lines:");
        log.forEach(l -> b.append("\n  | ").append(l));
      }
      blocks.add(b.toString());
      fixes.add(fix(p, namespace));
    }
    String head = byService.size() == 1 ? "" : byService.size() + " services cannot start.\n";
    return new HostK8sException(ErrorCode.ROLLOUT_FAILED, head + String.join("\n", blocks), List.copyOf(fixes), true, null);
  }

  static String fix(ContainerProblem p, String namespace) {
    String s = p.service();
    return switch (p.reason()) {
      case "ErrImagePull", "ImagePullBackOff" -> "Check the image name of " + s + " (" + p.image() + ") and that it was pushed "
          + "to the registry the cluster pulls from (hostk8s-dev up builds and pushes the configured services' images).";
      case "ErrImageNeverPull" -> "The image of " + s + " (" + p.image() + ") is not on the node and its pull policy is Never: "
          + "check the image name, build and load it (hostk8s-dev up), or set imagePullPolicy to IfNotPresent.";
      case "InvalidImageName" -> "Fix the image reference of " + s + " (" + p.image() + ") in the manifest: it is not a valid image name.";
      case "CreateContainerConfigError" -> "Do what the message for " + s + " says; on a cluster it is usually a ConfigMap or "
          + "Secret (or a key in it) that the container references and that does not exist — create it, or fix the reference.";
      case "CreateContainerError" -> "Fix what the message for " + s + " says (the container's command, mounts or security "
          + "settings in the manifest), then deploy again.";
      default -> "Fix what the log of " + s + " shows (above), then deploy again; the whole log: "
          + (p.configured() ? "hostk8s-dev logs " + s + ", or " : "")
          + "kubectl logs -n " + namespace + " " + p.pod() + " -c " + p.container() + " --previous.";
    };
  }
}
