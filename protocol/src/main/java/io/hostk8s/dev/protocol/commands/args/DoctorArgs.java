package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/** {@code hostk8s.doctor}: the target to check for (none: the one {@code dev} would choose). */
public record DoctorArgs(
    @Arg(kind = ArgumentKind.CHOICE, prompt = "Check for", choices = {"cluster", "sandbox"}, example = "sandbox") String target) {}
