package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.debug.start}: a debug session on the published app, on explicit request. {@code service}:
 * the service to debug (default vote); {@code yes}: the person consented to what it costs (clients show
 * {@code hostk8s.publish.debug.plan} first).
 */
public record PublishDebugArgs(
    @Arg(kind = ArgumentKind.DEBUG_SERVICE, prompt = "Service to debug on the published app", example = "vote") String service,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.debug.plan",
        prompt = "Put this service of the published app into debug mode?") Boolean yes) {}
