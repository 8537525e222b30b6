package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.debug.endpoint}: the debug configuration of a {@code hostk8s} session, whose {@code service} must be
 * one with a debugger — the description lists those, so a client offers only services it can debug.
 */
public record DebugServiceArgs(
    @Arg(kind = ArgumentKind.DEBUG_SERVICE, prompt = "Service to debug", required = true, example = "vote") String service) {}
