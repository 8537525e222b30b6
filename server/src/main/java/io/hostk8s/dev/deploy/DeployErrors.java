package io.hostk8s.dev.deploy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.List;

/** The deploy area's errors (4001-4006), each with its fix. */
final class DeployErrors {
  private DeployErrors() {}

  static HostK8sException invalidManifest(String where, String problem) {
    return HostK8sException.user(ErrorCode.MANIFEST_INVALID, "Manifest " + where + " cannot be used: " + problem,
        "Fix that document (kubectl apply --dry-run=client -f <file> shows the same problem).");
  }

  static HostK8sException noManifests(String message) {
    return HostK8sException.user(ErrorCode.MANIFESTS_NOT_FOUND, message,
        "Set deploy.manifests in hostk8s.dev.yaml to the manifests directory inside the workspace (default voting-app/k8s/local).");
  }

  static HostK8sException applyFailed(String object, Throwable cause) {
    return new HostK8sException(ErrorCode.APPLY_FAILED, "Applying " + object + " failed: " + Failures.message(cause),
        List.of("Fix the manifest as the API server's answer says; if it says forbidden, check your RBAC permissions."), true, cause);
  }

  static HostK8sException fluxFailed(String action, String kustomization, Throwable cause) {
    return new HostK8sException(ErrorCode.FLUX_SUSPEND_FAILED,
        "Cannot " + action + " Flux Kustomization " + kustomization + ": " + Failures.message(cause),
        List.of("Check it exists and that you may patch it (kubectl get kustomizations -A); 'flux "
            + ("resume".equals(action) ? "resume" : "suspend") + " kustomization <name> -n <namespace>' does it by hand."), true, cause);
  }
}
