package io.hostk8s.dev.deploy;

import java.time.Duration;

/**
 * How to deploy: suspend owning Flux Kustomizations (else a Flux-owned target fails with FLUX_OWNED), wait for
 * every service to be ready (else return right after applying; status keeps following), the readiness timeout,
 * and whether to apply the local dev transform (debug ports/agents; false for cloud deploys).
 */
public record DeployOptions(boolean suspendFlux, boolean waitReady, Duration timeout, boolean devTransform) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

  public DeployOptions {
    timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
  }

  public static DeployOptions local() {
    return new DeployOptions(false, true, DEFAULT_TIMEOUT, true);
  }

  public DeployOptions withSuspendFlux(boolean v) {
    return new DeployOptions(v, waitReady, timeout, devTransform);
  }

  public DeployOptions withWaitReady(boolean v) {
    return new DeployOptions(suspendFlux, v, timeout, devTransform);
  }

  public DeployOptions withTimeout(Duration v) {
    return new DeployOptions(suspendFlux, waitReady, v, devTransform);
  }

  public DeployOptions withDevTransform(boolean v) {
    return new DeployOptions(suspendFlux, waitReady, timeout, v);
  }
}
