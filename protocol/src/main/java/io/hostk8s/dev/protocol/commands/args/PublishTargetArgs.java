package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.status} and {@code hostk8s.publish.teardown}: what was published is in the workspace's
 * publish state ({@code .hostk8s/publish/digitalocean.json}); {@code apiUrl} as for publish plan. {@code yes}:
 * teardown goes ahead without asking (status ignores it).
 */
public record PublishTargetArgs(
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.status",
        prompt = "Delete what HostK8s created on DigitalOcean (the cluster and, if HostK8s created it, the registry)?")
    Boolean yes) {}
