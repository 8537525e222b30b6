package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;

/** {@code hostk8s.publish.status}: what was published is in the workspace's publish state. */
public record PublishStatusArgs(
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl) {}
