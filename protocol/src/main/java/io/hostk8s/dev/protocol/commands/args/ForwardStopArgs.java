package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.forward.stop}: a service's forwards, or the one named. */
public record ForwardStopArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true, example = "vote") String service,
    @Arg(prompt = "Forward name (none: all of the service's)", example = "http") String name) {}
