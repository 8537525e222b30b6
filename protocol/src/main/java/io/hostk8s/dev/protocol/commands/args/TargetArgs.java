package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.target.set}: which cluster the status, tree, logs and forwards work against. */
public record TargetArgs(
    @Arg(kind = ArgumentKind.CHOICE, prompt = "Target", required = true, choices = {"local", "digitalocean"},
        example = "digitalocean") String target) {}
