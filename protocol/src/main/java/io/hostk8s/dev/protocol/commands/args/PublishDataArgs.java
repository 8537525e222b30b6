package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/**
 * {@code hostk8s.publish.data.push} (local → cloud) and {@code .pull} (cloud → local): Postgres' tables copied
 * through port-forwards. {@code force}: replace the target's tables even when they hold rows (refused otherwise).
 */
public record PublishDataArgs(
    @Arg(prompt = "Replace the target's data even when it holds rows") Boolean force) {}
