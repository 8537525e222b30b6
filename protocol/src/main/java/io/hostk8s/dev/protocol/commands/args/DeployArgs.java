package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/** {@code hostk8s.deploy}. */
public record DeployArgs(
    @Arg(prompt = "Suspend the Flux Kustomization while deploying") Boolean suspendFlux,
    @Arg(prompt = "Do not wait until every service is ready") Boolean noWait,
    @Arg(prompt = "Deploy the manifests as they are (no dev image, debug port or reload)") Boolean noDevTransform,
    @Arg(prompt = "Seconds to wait for readiness", example = "300") Double timeoutSeconds) {}
