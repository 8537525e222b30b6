package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/** {@code hostk8s.up}. */
public record UpArgs(
    @Arg(prompt = "Use the sandbox test bed (no Docker)") Boolean sandbox,
    @Arg(prompt = "Suspend the Flux Kustomization while deploying") Boolean suspendFlux,
    @Arg(prompt = "Do not start file sync afterwards") Boolean noSync) {}
