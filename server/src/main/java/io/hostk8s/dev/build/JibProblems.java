package io.hostk8s.dev.build;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.net.ConnectException;
import java.util.List;
import java.util.Locale;

/** Maps what Jib throws to the build catalog's codes (see {@link BuildProblems}). */
final class JibProblems {
  private JibProblems() {}

  static HostK8sException map(String service, JibRequest request, Throwable e) {
    String message = BuildProblems.rootMessage(e);
    String lower = (e.getMessage() + " " + message).toLowerCase(Locale.ROOT);
    if (e instanceof HostK8sException h) {
      return h;
    }
    if (e instanceof RegistryUnauthorizedException || lower.contains("unauthorized") || lower.contains("denied")) {
      return BuildProblems.pushFailed(request.target().push(), "unauthorized: " + message);
    }
    if (has(e, ConnectException.class) || e instanceof InsecureRegistryException || lower.contains("connection refused")) {
      boolean base = lower.contains(request.baseImage().toLowerCase(Locale.ROOT)) && !lower.contains(request.target().pushHost());
      return BuildProblems.registryUnreachable(base ? request.baseImage() : request.target().pushHost(), message);
    }
    if (lower.contains("manifest") && (lower.contains("unknown") || lower.contains("not found")) && lower.contains("pull")) {
      return new HostK8sException(ErrorCode.BASE_IMAGE_MISSING, "The Jib base image " + request.baseImage() + " of " + service + " is not available: " + message,
          List.of("Set HOSTK8S_JIB_BASE_IMAGE to a JRE 17 image your machine can pull (e.g. one in the local registry)."), true, null);
    }
    return new HostK8sException(ErrorCode.BUILD_FAILED, "Jib could not build " + service + ": " + message,
        List.of("Check the jar " + request.jar() + " and the registry; the build log is in the output above."), true, e);
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
