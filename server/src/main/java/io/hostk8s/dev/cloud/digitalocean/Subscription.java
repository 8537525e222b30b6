package io.hostk8s.dev.cloud.digitalocean;

/** The account's container registry subscription. */
public record Subscription(SubscriptionTier tier) {}
