package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** One service ({@code sync.start|stop}, {@code logs.stop}, {@code run.stop}). */
public record ServiceArgs(@Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true, example = "vote") String service) {}
