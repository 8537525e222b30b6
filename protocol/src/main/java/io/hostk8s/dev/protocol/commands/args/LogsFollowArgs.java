package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.logs.follow}: a service's pod logs, from the last {@code tailLines}; {@code follow=false}: once. */
public record LogsFollowArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true, example = "vote") String service,
    @Arg(prompt = "Lines of history", example = "50") Integer tailLines,
    @Arg(prompt = "Keep following (default true)") Boolean follow) {}
