package io.hostk8s.dev.doctor;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.cluster.HostK8sCheckout;
import io.hostk8s.dev.config.KubeconfigResolver.Choice;
import io.hostk8s.dev.config.KubeconfigResolver.Source;
import io.hostk8s.dev.config.RunningSandbox;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.Fix;
import io.hostk8s.dev.sandbox.SandboxLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What to do when the kubeconfig in effect does not exist, from where the user stands: the running sandbox an
 * explicit --kubeconfig/KUBECONFIG hides; {@code hostk8s-dev up --sandbox} without Docker (and building the sandbox
 * when its jar is missing); {@code make start} in a HostK8s checkout or {@code hostk8s-dev up} with Docker; or an
 * existing cluster's kubeconfig.
 */
public final class KubeconfigFixes {
  private KubeconfigFixes() {}

  /** KUBECONFIG_MISSING for the kubeconfig in effect, with the fixes that work here (as text and as commands). */
  public static HostK8sException missing(Workspace ws) {
    Choice c = ws.kubeconfigChoice();
    if (c.source() == Source.CLOUD) {
      return new HostK8sException(ErrorCode.TARGET_NOTHING_PUBLISHED, "The target is DigitalOcean, but nothing is "
          + "published from this workspace (no kubeconfig at " + c.path() + ").", List.of(
              "Publish first: `hostk8s-dev publish apply` (it fetches the cluster's kubeconfig).",
              "Or switch back: `hostk8s-dev target local`."), true, null);
    }
    return new HostK8sException(ErrorCode.KUBECONFIG_MISSING, "No kubeconfig at " + c.path() + " (" + origin(c) + ")"
        + (c.source().perInvocation() ? "." : ": no cluster is running for this workspace."), fixes(ws), true, null,
        commands(new DockerCheck().run(ws).ok()));
  }

  /** The commands that start a cluster here: the Kind cluster only where Docker runs; the sandbox always. */
  static List<Fix> commands(boolean docker) {
    return docker ? List.of(Fix.START_CLUSTER, Fix.START_SANDBOX) : List.of(Fix.START_SANDBOX);
  }

  /** Where the kubeconfig in effect came from, e.g. "from KUBECONFIG". */
  public static String origin(Choice c) {
    return "from " + c.source().label();
  }

  /** The fixes, most direct first. */
  public static List<String> fixes(Workspace ws) {
    Choice c = ws.kubeconfigChoice();
    List<String> fixes = new ArrayList<>();
    Optional<Path> sandbox = RunningSandbox.kubeconfig(ws.root());
    String explicit = c.source() == Source.FLAG ? "--kubeconfig" : c.source() == Source.KUBECONFIG ? "KUBECONFIG" : null;
    if (explicit != null && sandbox.isPresent()) {
      fixes.add("This workspace's sandbox is running: " + (c.source() == Source.FLAG ? "leave out --kubeconfig" : "`unset KUBECONFIG`")
          + " to use it, or pass --kubeconfig " + sandbox.get() + ".");
      return fixes;
    }
    if (explicit != null) {
      fixes.add("Check the file " + explicit + " names, or leave " + explicit + " out to use this workspace's cluster.");
    }
    if (new DockerCheck().run(ws).ok()) {
      HostK8sCheckout.detect(ws).ifPresent(h -> fixes.add("Start HostK8s: `make start` in " + h.root() + "."));
      fixes.add("Start the Kind cluster and deploy: `hostk8s-dev up` (or `make dev`); `hostk8s-dev up --sandbox` uses the sandbox test bed instead.");
    } else {
      fixes.add("No Docker daemon here, so no Kind cluster: `hostk8s-dev up --sandbox` (or `make dev`) runs the app in the sandbox "
          + "test bed, and every command in this workspace then finds it." + (sandboxJarFound(ws) ? ""
              : " Build the sandbox first: `mvn -q -pl testbed -am package -DskipTests` (or set HOSTK8S_SANDBOX_JAR)."));
    }
    fixes.add("Or use an existing cluster: --kubeconfig FILE (or KUBECONFIG=FILE).");
    return fixes;
  }

  private static boolean sandboxJarFound(Workspace ws) {
    try {
      SandboxLauncher.findJar(ws);
      return true;
    } catch (HostK8sException e) {
      return false;
    }
  }
}
