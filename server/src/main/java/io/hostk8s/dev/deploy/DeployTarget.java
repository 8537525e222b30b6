package io.hostk8s.dev.deploy;

import io.hostk8s.dev.core.EngineServices;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where a deploy goes: the cluster (a kubeconfig), the namespace, the manifests (a workspace-relative directory and
 * a text filter applied before parsing, e.g. a cloud target's placeholders), and whether the engine follows the
 * rollout afterwards in its status ({@code local}: the dev loop's cluster) or the deploy only waits for it (a cloud
 * target: the local status stays about the local cluster). A remote target's manifests are the directory's own
 * files (its subdirectories, e.g. {@code platform/}, are applied separately, like {@code kubectl apply -f dir}).
 *
 * @param name        {@code local} or the cloud target's name, for progress lines
 */
public record DeployTarget(String name, Path kubeconfig, String namespace, String manifests, UnaryOperator<String> text,
    boolean local) {

  /** The workspace's cluster, namespace and manifests (hostk8s.dev.yaml), followed in the engine's status. */
  public static DeployTarget local(EngineServices engine) {
    var config = engine.workspace().config().config();
    return new DeployTarget("local", engine.workspace().kubeconfig(), config.namespace(), config.deploy().manifests(),
        UnaryOperator.identity(), true);
  }

  /** Another cluster (e.g. DigitalOcean): its kubeconfig, namespace, manifests and placeholder substitution. */
  public static DeployTarget remote(String name, Path kubeconfig, String namespace, String manifests,
      UnaryOperator<String> text) {
    return new DeployTarget(name, kubeconfig, namespace, manifests, text, false);
  }
}
