package io.hostk8s.dev.testbed.ingress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line {@code StandInRecipe} builds: {@code <mode> --kubeconfig F --state D --ports c=l,… -- <container
 * args>}.
 *
 * @param ports container port → local port
 * @param containerArgs the container's own {@code args}
 */
record StandInArgs(String mode, Path kubeconfig, Path stateDir, Map<Integer, Integer> ports,
    List<String> containerArgs) {

  static StandInArgs parse(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: <traefik|cert-manager|idle> --kubeconfig F --state D --ports c=l,… "
          + "-- container args");
    }
    Path kubeconfig = null;
    Path state = null;
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--kubeconfig" -> kubeconfig = Path.of(args[++i]);
        case "--state" -> state = Path.of(args[++i]);
        case "--ports" -> {
          for (String pair : args[++i].split(",")) {
            if (!pair.isBlank()) {
              String[] kv = pair.split("=");
              ports.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
            }
          }
        }
        case "--" -> {
          rest.addAll(List.of(args).subList(i + 1, args.length));
          i = args.length;
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (kubeconfig == null || state == null) {
      throw new IllegalArgumentException("--kubeconfig and --state are required");
    }
    return new StandInArgs(args[0], kubeconfig, state, Map.copyOf(ports), List.copyOf(rest));
  }

  /** The local port for a container port; fails when the container did not declare it. */
  int local(int containerPort) {
    Integer local = ports.get(containerPort);
    if (local == null) {
      throw new IllegalArgumentException("container port " + containerPort + " is not declared in the pod spec"
          + " (declared: " + ports.keySet() + ")");
    }
    return local;
  }
}
