package io.hostk8s.dev.deploy;

import java.time.Duration;

/**
 * How to deploy: suspend owning Flux Kustomizations (else a Flux-owned target fails with FLUX_OWNED), wait for
 * every service to be ready (else return right after applying; status keeps following), the readiness timeout,
 * whether to apply the local dev transform (debug ports/agents; false for cloud deploys), and {@code service}: only
 * that service's objects are applied and only its rollout is watched (null: every service).
 */
public record DeployOptions(boolean suspendFlux, boolean waitReady, Duration timeout, boolean devTransform, String service) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

  public DeployOptions {
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    service = service == null || service.isBlank() ? null : service;
  }

  public DeployOptions(boolean suspendFlux, boolean waitReady, Duration timeout, boolean devTransform) {
    this(suspendFlux, waitReady, timeout, devTransform, null);
  }

  public static DeployOptions local() {
    return new DeployOptions(false, true, DEFAULT_TIMEOUT, true);
  }

  public DeployOptions withSuspendFlux(boolean v) {
    return new DeployOptions(v, waitReady, timeout, devTransform, service);
  }

  public DeployOptions withWaitReady(boolean v) {
    return new DeployOptions(suspendFlux, v, timeout, devTransform, service);
  }

  public DeployOptions withTimeout(Duration v) {
    return new DeployOptions(suspendFlux, waitReady, v, devTransform, service);
  }

  public DeployOptions withDevTransform(boolean v) {
    return new DeployOptions(suspendFlux, waitReady, timeout, v, service);
  }

  public DeployOptions withService(String v) {
    return new DeployOptions(suspendFlux, waitReady, timeout, devTransform, v);
  }
}
