package io.hostk8s.dev.protocol.lsp;

/** {@code hostk8s/secret} request: the secret's name, e.g. {@code digitalocean.token}. */
public record SecretParams(String name) {}
