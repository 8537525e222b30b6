package io.hostk8s.dev.error;

/**
 * Every error the product reports, with a stable numeric code. Ranges by area:
 * 1xxx general/config/protocol, 2xxx cluster, 3xxx build, 4xxx deploy, 5xxx sync,
 * 6xxx port-forward/debug, 7xxx cloud, 8xxx sandbox. docs/troubleshooting.md lists each one.
 */
public enum ErrorCode {
  INTERNAL(1000, "Internal error"),
  UNKNOWN_COMMAND(1001, "Unknown command"),
  INVALID_ARGUMENTS(1002, "Invalid command arguments"),
  CONFIG_INVALID(1100, "Invalid hostk8s.dev.yaml"),
  CONFIG_UNREADABLE(1101, "hostk8s.dev.yaml cannot be read"),
  UNKNOWN_SERVICE(1102, "Unknown service"),
  WORKSPACE_MISSING(1103, "No workspace folder"),
  ENGINE_UNREACHABLE(1200, "The workspace engine does not answer"),
  ENGINE_ALREADY_RUNNING(1201, "Another engine owns this workspace"),
  CANCELLED(1300, "Cancelled"),
  KUBECONFIG_MISSING(2001, "No kubeconfig"),
  CLUSTER_UNREACHABLE(2002, "Cluster not reachable"),
  DOCKER_UNREACHABLE(3001, "Docker daemon not reachable"),
  REGISTRY_UNREACHABLE(3002, "Registry not reachable"),
  KIND_MISSING(2003, "kind not found"),
  JAVA_TOO_OLD(1400, "Java too old"),
  SANDBOX_NOT_INSTALLED(8001, "Sandbox test bed not found"),
  SANDBOX_FAILED(8002, "Sandbox failed to start");

  private final int code;
  private final String title;

  ErrorCode(int code, String title) {
    this.code = code;
    this.title = title;
  }

  public int code() {
    return code;
  }

  public String title() {
    return title;
  }
}
