package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.teardown}: deletes what publish created (the workspace's publish state says what).
 * {@code keepData}: keep Postgres' volume (its data) and say so; {@code yes}: go ahead (clients show the status and
 * ask first).
 */
public record PublishTeardownArgs(
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl,
    @Arg(prompt = "Keep the Postgres volume (the votes)") Boolean keepData,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.status",
        prompt = "Delete what HostK8s created on DigitalOcean? What it only reused stays.") Boolean yes) {}
