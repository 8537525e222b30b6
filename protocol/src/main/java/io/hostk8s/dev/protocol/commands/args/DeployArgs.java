package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.deploy}; {@code service}: only that service's objects and rollout (absent: every service). */
public record DeployArgs(
    @Arg(prompt = "Suspend the Flux Kustomization while deploying") Boolean suspendFlux,
    @Arg(prompt = "Do not wait until every service is ready") Boolean noWait,
    @Arg(prompt = "Deploy the manifests as they are (no dev image, debug port or reload)") Boolean noDevTransform,
    @Arg(prompt = "Seconds to wait for readiness", example = "300") Double timeoutSeconds,
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Only this service (default: every service)", example = "vote") String service) {

  /** Every service (the form before {@code service} existed). */
  public DeployArgs(Boolean suspendFlux, Boolean noWait, Boolean noDevTransform, Double timeoutSeconds) {
    this(suspendFlux, noWait, noDevTransform, timeoutSeconds, null);
  }
}
