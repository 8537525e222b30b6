package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.debug.plan} (what debug mode would change and cost) and {@code hostk8s.publish.debug.stop}
 * (back to production): {@code service}, default vote for the plan, every service in debug mode for stop.
 */
public record PublishDebugServiceArgs(
    @Arg(kind = ArgumentKind.DEBUG_SERVICE, prompt = "Service of the published app", example = "vote") String service) {}
