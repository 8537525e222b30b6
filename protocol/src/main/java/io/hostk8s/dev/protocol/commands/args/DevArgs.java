package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/**
 * {@code hostk8s.dev}: the dev loop. {@code sandbox} true targets the sandbox test bed; otherwise the loop chooses
 * (this workspace's running sandbox, else a real cluster with Docker and kind, else the sandbox). {@code run} names
 * the run so {@code hostk8s.dev.stop} can stop exactly it, even while it is still starting; default: a new name.
 */
public record DevArgs(
    @Arg(prompt = "Use the sandbox test bed even when Docker is available") Boolean sandbox,
    @Arg(prompt = "Do not follow the services' pod logs") Boolean noLogs,
    @Arg(prompt = "A name for this run (hostk8s.dev.stop takes it)", example = "cli-4242") String run) {}
