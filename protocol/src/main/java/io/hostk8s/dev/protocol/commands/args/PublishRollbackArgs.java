package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.rollback}: the published app's Deployments back to a recorded release's images.
 * {@code to}: the release number (default: the one before the current); {@code yes}: go ahead (clients show the
 * history and ask first).
 */
public record PublishRollbackArgs(
    @Arg(prompt = "Release to roll back to (empty: the one before the current)", example = "2") Integer to,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.history",
        prompt = "Roll the published app back? Its data stays.") Boolean yes) {}
