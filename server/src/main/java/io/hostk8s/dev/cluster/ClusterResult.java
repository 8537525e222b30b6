package io.hostk8s.dev.cluster;

import java.util.List;

/**
 * What {@code cluster start|stop} did. {@code via}: {@code make} (a HostK8s checkout's Makefile) or {@code kind}
 * (our own HostK8s-layout cluster); {@code output}: every line of the external commands; {@code message}: one
 * line for the user.
 */
public record ClusterResult(String via, String cluster, String kubeconfig, String registry, List<String> output, String message) {
  public ClusterResult {
    output = output == null ? List.of() : List.copyOf(output);
  }
}
