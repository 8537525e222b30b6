package io.hostk8s.dev.cloud.digitalocean;

/** {@code GET /v2/account}'s {@code account}: who the token belongs to; each Kubernetes node counts against {@code dropletLimit}. */
public record Account(String uuid, String email, String status, String statusMessage, int dropletLimit) {}
