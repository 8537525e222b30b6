package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/** {@code hostk8s.dev.stop}: the run to stop ({@code DevResult.run}); without it, every dev run of the engine. */
public record DevStopArgs(@Arg(prompt = "The dev run to stop (default: every one)", example = "cli-4242") String run) {}
