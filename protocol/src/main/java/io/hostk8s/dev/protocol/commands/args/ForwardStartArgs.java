package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.forward.start}: a local port to a service's pod (defaults: the service's first port, a free local one). */
public record ForwardStartArgs(
    @Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true, example = "vote") String service,
    @Arg(prompt = "Pod port", example = "80") Integer port,
    @Arg(prompt = "Local port", example = "18080") Integer localPort,
    @Arg(prompt = "Forward name", example = "http") String name,
    @Arg(prompt = "Pod port name", example = "http") String portName) {}
