package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/**
 * A container registry tier (starter, basic, professional). {@code eligible}/{@code eligibilityReasons} (e.g.
 * {@code OverRepositoryLimit}) come only from the options, not from a subscription.
 */
public record SubscriptionTier(String name, String slug, int includedRepositories, long includedStorageBytes,
    boolean allowStorageOverage, int monthlyPriceInCents, boolean eligible, List<String> eligibilityReasons) {}
