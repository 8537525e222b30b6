package io.hostk8s.dev.protocol.commands.args;

/** For commands that take nothing. */
public record NoArgs() {}
