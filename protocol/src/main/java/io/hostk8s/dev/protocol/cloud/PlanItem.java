package io.hostk8s.dev.protocol.cloud;

/**
 * One resource of a publish plan.
 *
 * @param kind         {@code cluster}, {@code node-pool}, {@code registry}, {@code registry-integration},
 *                     {@code load-balancer}, {@code volume}, {@code dns}
 * @param name         its name (or what identifies it)
 * @param action       {@code create}, {@code reuse}, {@code upgrade}, {@code wait} (exists, not ready yet),
 *                     {@code later} (created by part 2 of publish: the app on the cluster)
 * @param detail       one line a person reads (region, size × count, tier…)
 * @param monthlyUsd   what it adds to the monthly bill, or null when free
 * @param priceSource  {@code api} (a live price) or where a fixed figure comes from, with its date
 */
public record PlanItem(String kind, String name, String action, String detail, Double monthlyUsd, String priceSource) {}
