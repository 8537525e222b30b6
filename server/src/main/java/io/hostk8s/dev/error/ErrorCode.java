package io.hostk8s.dev.error;

/**
 * Every error the product reports, with a stable numeric code. Ranges by area:
 * 1xxx general/config/protocol, 2xxx cluster, 3xxx build, 4xxx deploy, 5xxx sync,
 * 6xxx port-forward/debug, 7xxx cloud, 8xxx sandbox, 9xxx port-forward manager, pod logs and local runs.
 * docs/troubleshooting.md lists each one.
 */
public enum ErrorCode {
  INTERNAL(1000, "Internal error"),
  UNKNOWN_COMMAND(1001, "Unknown command"),
  INVALID_ARGUMENTS(1002, "Invalid command arguments"),
  CONFIG_INVALID(1100, "Invalid hostk8s.dev.yaml"),
  CONFIG_UNREADABLE(1101, "hostk8s.dev.yaml cannot be read"),
  UNKNOWN_SERVICE(1102, "Unknown service"),
  WORKSPACE_MISSING(1103, "No workspace folder"),
  CONFIG_YAML_SYNTAX(1104, "hostk8s.dev.yaml is not valid YAML"),
  CONFIG_UNKNOWN_KEY(1105, "Unknown key in hostk8s.dev.yaml"),
  CONFIG_PATH_ESCAPES(1106, "Path leaves the workspace"),
  CONFIG_CONTEXT_MISSING(1107, "Service context directory does not exist"),
  CONFIG_SYNC_OUTSIDE_CONTEXT(1108, "Sync source outside the service context"),
  CONFIG_DUPLICATE_LOCAL_PORT(1109, "Debug local port used twice"),
  CONFIG_UNKNOWN_RUNTIME(1110, "Unknown debug runtime"),
  CONFIG_MANIFESTS_MISSING(1111, "Manifests directory does not exist"),
  CONFIG_DOCKERFILE_MISSING(1112, "Dockerfile not found in the context"),
  CONFIG_DUPLICATE_KEY(1113, "Duplicate key in hostk8s.dev.yaml"),
  CONFIG_ENV_UNREADABLE(1114, ".env cannot be read"),
  CONFIG_CLOUD_VALUE_MISSING(1115, "A value set for the local environment is missing for the cloud"),
  ENGINE_UNREACHABLE(1200, "The workspace engine does not answer"),
  ENGINE_ALREADY_RUNNING(1201, "Another engine owns this workspace"),
  CANCELLED(1300, "Cancelled"),
  DEBUG_ATTACH_FAILED(6501, "Debugger attach failed"),
  DEBUG_NOT_CONFIGURED(6502, "Service has no debugger configured"),
  DEBUG_RUNTIME_UNAVAILABLE(6503, "Debug runtime not available"),
  DEBUG_BAD_MESSAGE(6504, "Malformed debug adapter message"),
  DEBUG_NOT_ATTACHED(6505, "Debuggee not attached"),
  DEBUG_ENDPOINT_UNAVAILABLE(6506, "Debug endpoint needs a running engine"),
  DEBUGGEE_ERROR(6507, "The debugger rejected a request"),
  DEBUG_ACCESS_DENIED(6508, "Debug adapter access denied"),
  KUBECONFIG_MISSING(2001, "No kubeconfig"),
  CLUSTER_UNREACHABLE(2002, "Cluster not reachable"),
  DOCKER_UNREACHABLE(3001, "Docker daemon not reachable"),
  REGISTRY_UNREACHABLE(3002, "Registry not reachable"),
  BUILD_FAILED(3003, "Image build failed"),
  PUSH_FAILED(3004, "Image push failed"),
  REGISTRY_UNAUTHORIZED(3005, "Registry refused the credentials"),
  BASE_IMAGE_MISSING(3006, "Base image not available"),
  BUILD_CONTEXT_UNREADABLE(3007, "Build context cannot be read"),
  JAR_MISSING(3008, "Application jar not built"),
  DOCKER_API_ERROR(3009, "Docker daemon error"),
  NOTHING_TO_BUILD(3010, "Service has nothing to build"),
  MANIFEST_INVALID(4001, "Manifest cannot be parsed"),
  MANIFESTS_NOT_FOUND(4002, "No manifests to deploy"),
  APPLY_FAILED(4003, "Server-side apply failed"),
  ROLLOUT_NOT_READY(4004, "Services did not become ready"),
  FLUX_OWNED(4005, "Objects are managed by Flux"),
  FLUX_SUSPEND_FAILED(4006, "Flux Kustomization cannot be suspended or resumed"),
  ROLLOUT_FAILED(4007, "A service cannot start"),
  KIND_MISSING(2003, "kind not found"),
  CLUSTER_START_FAILED(2004, "Cluster start failed"),
  CLUSTER_STOP_FAILED(2005, "Cluster stop failed"),
  REGISTRY_SETUP_FAILED(2006, "Local registry setup failed"),
  CLUSTER_STATUS_FAILED(2007, "Cluster status failed"),
  CLUSTER_IS_SANDBOX(2008, "The target is the sandbox, not a cluster"),
  JAVA_TOO_OLD(1400, "Java too old"),
  SYNC_NOT_CONFIGURED(5001, "Service has no sync rules"),
  SYNC_TAR_MISSING(5002, "No tar in the container"),
  SYNC_TARGET_REFUSED(5003, "Unsafe sync target"),
  SYNC_TARGET_NOT_WRITABLE(5004, "Sync target not writable in the container"),
  SYNC_APPLY_FAILED(5005, "Files could not be applied in the container"),
  SYNC_WATCH_FAILED(5006, "Cannot watch the service's files"),
  SYNC_AFTER_SYNC_FAILED(5007, "After-sync action failed"),
  CLOUD_TOKEN_MISSING(7001, "No DigitalOcean token"),
  CLOUD_UNAUTHORIZED(7002, "DigitalOcean token rejected"),
  CLOUD_FORBIDDEN(7003, "DigitalOcean token lacks a scope"),
  CLOUD_DROPLET_LIMIT(7004, "DigitalOcean droplet limit reached"),
  CLOUD_NOT_OFFERED(7005, "Region, size or version not offered"),
  CLOUD_NAME_TAKEN(7006, "Name already taken on DigitalOcean"),
  CLOUD_RATE_LIMITED(7007, "DigitalOcean rate limit"),
  CLOUD_SERVER_ERROR(7008, "DigitalOcean API error"),
  CLOUD_UNREACHABLE(7009, "DigitalOcean API not reachable"),
  CLOUD_REJECTED(7010, "DigitalOcean rejected the request"),
  CLOUD_NOT_FOUND(7011, "DigitalOcean resource not found"),
  CLOUD_PROVISION_FAILED(7012, "Cluster provisioning failed"),
  CLOUD_PROVISION_TIMEOUT(7013, "Cluster provisioning timed out"),
  CLOUD_CONSENT_NEEDED(7014, "A paid change needs your consent"),
  CLOUD_STATE_INVALID(7015, "Publish state file unreadable"),
  CLOUD_NOT_CONFIGURED(7016, "Publishing is not configured"),
  CLOUD_LOAD_BALANCER(7017, "The load balancer did not become active"),
  CLOUD_TLS_FAILED(7018, "The certificate was not issued"),
  CLOUD_HTTPS_FAILED(7019, "The published app does not answer over HTTPS"),
  CLOUD_PLATFORM_FAILED(7020, "The ingress controller or cert-manager did not start"),
  CLOUD_OTHER_CLUSTER(7021, "The workspace is published on another cluster"),
  CLOUD_NO_RELEASE(7040, "No such release to roll back to"),
  CLOUD_ROLLOUT_FAILED(7041, "The release's rollout did not become ready"),
  CLOUD_DATA_TOOLS_MISSING(7042, "PostgreSQL client tools missing"),
  CLOUD_DATA_TARGET_NOT_EMPTY(7043, "The target database already holds data"),
  CLOUD_DATA_NO_DATABASE(7044, "No ready Postgres pod to copy from or to"),
  CLOUD_DATA_COPY_FAILED(7045, "Copying the data failed"),
  CLOUD_DATA_MISMATCH(7046, "Row counts differ after the copy"),
  TARGET_DEV_ONLY(7060, "Dev-only behaviour refused on the cloud target"),
  TARGET_NOTHING_PUBLISHED(7061, "The cloud target has no published cluster"),
  TARGET_UNKNOWN(7062, "Unknown target"),
  TARGET_SECRET_SOURCE_MISSING(7063, "A Secret's source environment variable is not set"),
  CLOUD_DEBUG_UNSUPPORTED(7064, "This service cannot be debugged on the published app"),
  SANDBOX_NOT_INSTALLED(8001, "Sandbox test bed not found"),
  SANDBOX_FAILED(8002, "Sandbox failed to start"),
  SANDBOX_PREREQUISITES_MISSING(8003, "The sandbox cannot run the app: runtimes missing"),
  DEBUG_JAVA_UNSUPPORTED(6901, "Not supported by the Java debugger"),
  DEBUG_SOURCE_MISMATCH(6902, "Local source differs from the container's"),
  FORWARD_NO_POD(9001, "No Ready pod to forward to"),
  FORWARD_PORT_IN_USE(9002, "Local port already in use"),
  FORWARD_NO_PORT(9003, "No port to forward"),
  FORWARD_FAILED(9004, "Port-forward failed"),
  LOGS_FAILED(9101, "Pod logs cannot be read"),
  RUN_LOCAL_NOT_CONFIGURED(9201, "No local run configured for the service"),
  RUN_LOCAL_START_FAILED(9202, "Local run failed to start");

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
