package io.hostk8s.dev.testbed.recipes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs one of the test bed's own stand-ins for a third-party image (Traefik, cert-manager) as the pod's process:
 * a small JVM on this test bed's classpath, main class {@value #MAIN}, given the mode, every declared container
 * port with its local port, the sandbox's kubeconfig and state dir, and the container's own arguments (which
 * Traefik's stand-in reads for its entry points). It talks to the sandbox's API like the real controller would.
 * Readiness: the container's httpGet probe when it has one (the kubelet's rule), else a connect to the first port.
 */
final class StandInRecipe implements Recipe {

  /** Named, not imported: the stand-ins depend on this package, not the other way round. */
  static final String MAIN = "io.hostk8s.dev.testbed.ingress.StandInMain";

  private final String mode;

  StandInRecipe(String mode) {
    this.mode = mode;
  }

  @Override
  public Optional<LaunchPlan> plan(RecipeContext ctx) {
    Path stateDir = stateDir(ctx.podRoot());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-Djdk.httpclient.allowRestrictedHeaders=host",
        "-cp", classPath(), MAIN, mode,
        "--kubeconfig", stateDir.resolve("kubeconfig").toString(), "--state", stateDir.toString(),
        "--ports", ctx.container().getPorts().stream().map(p -> p.getContainerPort() + "=" + ctx.local(p))
            .collect(Collectors.joining(","))));
    command.add("--");
    if (ctx.container().getArgs() != null) {
      command.addAll(ctx.container().getArgs());
    }
    LaunchPlan plan = new LaunchPlan(command);
    List<ContainerPort> ports = ctx.container().getPorts();
    if (!ports.isEmpty()) {
      plan.ready(ctx.local(ports.get(0)), LaunchPlan.Probe.CONNECT);
    }
    return Optional.of(plan);
  }

  /** This JVM's class path with absolute entries (the pod's process starts in the pod's root dir). */
  static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** {@code <state>/pods/<ns>/<pod>/root} → {@code <state>} (where the sandbox keeps its kubeconfig). */
  static Path stateDir(Path podRoot) {
    Path state = podRoot.getParent().getParent().getParent().getParent();
    if (!Files.exists(state.resolve("kubeconfig"))) {
      throw new IllegalStateException("no sandbox kubeconfig in " + state + " (pod root " + podRoot + ")");
    }
    return state;
  }
}
