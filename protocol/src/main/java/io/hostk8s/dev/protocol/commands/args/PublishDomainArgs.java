package io.hostk8s.dev.protocol.commands.args;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentKind;

/**
 * {@code hostk8s.publish.domain}: the DNS and certificate part of publish alone (ingress controller, its load
 * balancer, the DNS record, the certificate when the app's Ingress asks for one), on the cluster publish made or the
 * current kubeconfig's. {@code yes}: go ahead (the load balancer bills; clients show the status and ask first).
 */
public record PublishDomainArgs(
    @Arg(prompt = "DigitalOcean API base URL", example = "https://api.digitalocean.com") String apiUrl,
    @Arg(kind = ArgumentKind.CONFIRM, preview = "hostk8s.publish.status",
        prompt = "Install the ingress controller, and create its load balancer (it bills) and the DNS record?") Boolean yes) {}
