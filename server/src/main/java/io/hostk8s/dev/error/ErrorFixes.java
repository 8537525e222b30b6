package io.hostk8s.dev.error;

import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;
import java.util.Map;

/**
 * The fixes a client offers as buttons for each error code: the commands that make the error go away, most direct
 * first. The one table; an error raised with its own fixes (it knows more, e.g. whether Docker runs) overrides it.
 */
public final class ErrorFixes {
  private static final Map<ErrorCode, List<Fix>> BY_CODE = Map.ofEntries(
      Map.entry(ErrorCode.KUBECONFIG_MISSING, List.of(Fix.START_SANDBOX, Fix.START_CLUSTER)),
      Map.entry(ErrorCode.CLUSTER_UNREACHABLE, List.of(Fix.START_SANDBOX, Fix.START_CLUSTER)),
      Map.entry(ErrorCode.DOCKER_UNREACHABLE, List.of(Fix.START_SANDBOX)),
      Map.entry(ErrorCode.KIND_MISSING, List.of(Fix.START_SANDBOX)),
      Map.entry(ErrorCode.CLUSTER_START_FAILED, List.of(Fix.START_SANDBOX, Fix.DOCTOR)),
      Map.entry(ErrorCode.REGISTRY_UNREACHABLE, List.of(Fix.DOCTOR)),
      Map.entry(ErrorCode.REGISTRY_SETUP_FAILED, List.of(Fix.DOCTOR)),
      Map.entry(ErrorCode.SANDBOX_FAILED, List.of(Fix.DOCTOR)),
      Map.entry(ErrorCode.SANDBOX_NOT_INSTALLED, List.of(Fix.DOCTOR)),
      Map.entry(ErrorCode.SANDBOX_PREREQUISITES_MISSING, List.of(Fix.DOCTOR)),
      Map.entry(ErrorCode.FORWARD_NO_POD, List.of(Fix.DEPLOY, Fix.STATUS)),
      Map.entry(ErrorCode.ROLLOUT_NOT_READY, List.of(Fix.STATUS)),
      Map.entry(ErrorCode.ROLLOUT_FAILED, List.of(Fix.STATUS)));

  private ErrorFixes() {}

  /** The fixes for {@code code}; empty when no command fixes it. */
  public static List<Fix> of(ErrorCode code) {
    return BY_CODE.getOrDefault(code, List.of());
  }
}
