package io.hostk8s.dev.build;

import com.github.dockerjava.api.exception.DockerException;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.Locale;

/**
 * The catalog of build and push failures: turns what the daemon, the registry or Jib said into one
 * {@link HostK8sException} with a code, a message that names the failing step or image, and fixes.
 */
public final class BuildProblems {
  private BuildProblems() {}

  /** A build that the daemon reported as failed; {@code step} is the last step line seen (may be null). */
  public static HostK8sException buildFailed(String service, String step, String error, boolean pull) {
    String where = step == null ? "" : " at `" + step.strip() + "`";
    if (isBaseImageProblem(step, error)) {
      return problem(ErrorCode.BASE_IMAGE_MISSING, "Building " + service + " failed" + where + ": the base image is not available (" + error + ").",
          pull ? "Check the FROM image name and that its registry is reachable (and logged in: `docker login`)."
              : "Builds for Kind do not pull: pull the base image once (`docker pull <image>`), or build with pull enabled.",
          "Offline: tag a local image with the FROM name (`docker tag <local> <from-name>`).");
    }
    return problem(ErrorCode.BUILD_FAILED, "Building " + service + " failed" + where + ": " + error,
        "Fix the failing Dockerfile step; the full build log is in the output above.",
        "Reproduce it with `docker build` in the service's context directory.");
  }

  /** A push that the registry or daemon refused. */
  public static HostK8sException pushFailed(String reference, String error) {
    String lower = error.toLowerCase(Locale.ROOT);
    if (lower.contains("unauthorized") || lower.contains("authentication required") || lower.contains("denied")
        || lower.contains("401") || lower.contains("403")) {
      return problem(ErrorCode.REGISTRY_UNAUTHORIZED, "The registry refused to store " + reference + ": " + error,
          "Log in to the registry (`docker login " + host(reference) + "`; DigitalOcean: `doctl registry login`).",
          "Check that the repository name is one you may push to.");
    }
    if (lower.contains("connection refused") || lower.contains("no such host") || lower.contains("dial tcp")
        || lower.contains("server gave http response to https client") || lower.contains("connection reset")
        || lower.contains("i/o timeout")) {
      return registryUnreachable(host(reference), error);
    }
    return problem(ErrorCode.PUSH_FAILED, "Pushing " + reference + " failed: " + error,
        "Check the registry's log and free space; then build again.");
  }

  /** The registry refused the in-memory credentials the build was given (checked before building). */
  public static HostK8sException credentialsRefused(String registry) {
    return problem(ErrorCode.REGISTRY_UNAUTHORIZED, "Registry " + registry + " refused the credentials it was given.",
        "DigitalOcean: the registry credentials are fetched fresh (docker-credentials, read-write) on every publish; "
            + "check that the token may write to the registry (scope registry:update) and that the registry is yours, then publish again.",
        "Elsewhere: check the registry user and password.");
  }

  public static HostK8sException registryUnreachable(String registry, String why) {
    return problem(ErrorCode.REGISTRY_UNREACHABLE, "Registry " + registry + " is not reachable: " + why,
        "Start the cluster (`hostk8s-dev cluster start` or `make start`): it runs the hostk8s-registry container on localhost:5002.",
        "A plain-HTTP registry other than localhost must be listed as insecure in the daemon's config "
            + "(Docker: \"insecure-registries\" in daemon.json; Podman: registries.conf).");
  }

  /** A docker-java call that failed outside the build stream (connection lost, HTTP error from the daemon). */
  public static HostK8sException daemonCall(String action, DockerEndpoint endpoint, RuntimeException e) {
    if (hasCause(e, SocketException.class) || hasCause(e, ConnectException.class)
        || hasCause(e, org.apache.hc.core5.http.NoHttpResponseException.class)) {
      return DaemonProbe.unreachable(endpoint, action + " lost the connection (" + rootMessage(e) + ")");
    }
    if (e instanceof DockerException de && de.getHttpStatus() == 401) {
      return pushFailed(action, "unauthorized: " + rootMessage(e));
    }
    return new HostK8sException(ErrorCode.DOCKER_API_ERROR, "The Docker daemon at " + endpoint.uri() + " failed to " + action + ": " + rootMessage(e),
        List.of("Check the daemon's log; `docker info` shows whether it is healthy."), true, e);
  }

  public static HostK8sException contextUnreadable(String service, IOException e) {
    return problem(ErrorCode.BUILD_CONTEXT_UNREADABLE, "The build context of " + service + " cannot be read: " + e.getMessage(),
        "Check the service's `context` and `dockerfile` in hostk8s.dev.yaml and the files' permissions.");
  }

  static boolean isBaseImageProblem(String step, String error) {
    String e = error == null ? "" : error.toLowerCase(Locale.ROOT);
    boolean fromStep = step != null && step.toUpperCase(Locale.ROOT).matches("STEP \\d+/\\d+ ?: FROM .*");
    return e.contains("pull access denied") || e.contains("manifest unknown") || e.contains("repository does not exist")
        || e.contains("no such image") || e.contains("image not known") || e.contains("short-name")
        || fromStep; // a FROM step does nothing but resolve the base image
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    return m.strip();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String host(String reference) {
    int slash = reference.indexOf('/');
    return slash < 0 ? reference : reference.substring(0, slash);
  }

  private static HostK8sException problem(ErrorCode code, String message, String... suggestions) {
    return new HostK8sException(code, message, List.of(suggestions), true, null);
  }
}
