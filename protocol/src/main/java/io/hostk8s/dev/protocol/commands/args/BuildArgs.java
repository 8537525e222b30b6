package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.build}: one service, or every service with a build when none is given. */
public record BuildArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service to build (none: all)", example = "vote") String service,
    @Arg(prompt = "Build only, do not push to the cluster's registry") Boolean noPush) {}
