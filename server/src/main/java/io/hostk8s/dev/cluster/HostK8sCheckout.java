package io.hostk8s.dev.cluster;

import io.hostk8s.dev.config.ConfigLoader;
import io.hostk8s.dev.config.KubeconfigResolver;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A HostK8s checkout (its {@code Makefile} and {@code infra/scripts/}): the workspace itself, or the directory
 * named by {@value #HOME_VARIABLE} (environment, then the workspace's .env). Cluster verbs then run its own
 * {@code make start|stop|status}; the Makefile reads {@code .env} itself (it must run in the checkout) and sets
 * {@code KUBECONFIG=$(pwd)/data/kubeconfig/config}, which we pass the same way.
 */
public record HostK8sCheckout(Path root) {
  public static final String HOME_VARIABLE = "HOSTK8S_HOME";

  public static Optional<HostK8sCheckout> detect(Workspace ws) {
    List<Path> candidates = new ArrayList<>();
    Optional.ofNullable(ws.env().get(HOME_VARIABLE)).or(() -> Optional.ofNullable(ConfigLoader.dotEnv(ws.root()).get(HOME_VARIABLE)))
        .filter(s -> !s.isBlank()).ifPresent(s -> candidates.add(KubeconfigResolver.against(ws.root(), s)));
    candidates.add(ws.root());
    return candidates.stream().filter(HostK8sCheckout::isCheckout).findFirst().map(HostK8sCheckout::new);
  }

  public static boolean isCheckout(Path dir) {
    return Files.isRegularFile(dir.resolve("Makefile")) && Files.isDirectory(dir.resolve("infra/scripts"));
  }

  /** Where the Makefile points KUBECONFIG. */
  public Path kubeconfig() {
    return root.resolve("data/kubeconfig/config");
  }

  /** {@code make <target>} in the checkout, with KUBECONFIG as the Makefile sets it. */
  public ProcessSpec make(String target) {
    // a top-level make of its own: not a sub-make of whatever make started us (e.g. our own `make dev`), so no
    // inherited flags and no "Entering directory" lines in the output
    return new ProcessSpec(List.of("make", target), root,
        Map.of("KUBECONFIG", kubeconfig().toString(), "MAKELEVEL", "0", "MAKEFLAGS", "", "MFLAGS", ""));
  }
}
