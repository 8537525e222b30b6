package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.run.local}: a service on the host, against the cluster's dependencies. */
public record RunLocalArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true, example = "vote") String service,
    @Arg(prompt = "Python interpreter (vote)", example = "/usr/bin/python3") String python) {}
