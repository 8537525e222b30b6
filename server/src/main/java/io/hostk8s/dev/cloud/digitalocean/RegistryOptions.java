package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/** {@code GET /v2/registries/options}: where a registry can live and the tiers with their prices. */
public record RegistryOptions(List<String> availableRegions, List<SubscriptionTier> subscriptionTiers) {}
