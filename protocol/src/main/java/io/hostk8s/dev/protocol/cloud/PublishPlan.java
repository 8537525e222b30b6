package io.hostk8s.dev.protocol.cloud;

import java.util.List;

/**
 * {@code hostk8s.publish.plan}: what apply would create or reuse on DigitalOcean, and what it costs.
 *
 * @param account        the token's account (email), checked live
 * @param apiUrl         the API it talked to
 * @param items          every resource, in apply's order
 * @param monthlyUsd     the estimated monthly total
 * @param hourlyUsd      the same per hour (DigitalOcean bills by the hour, capped at the monthly price)
 * @param warnings       what the person should know before consenting (e.g. a paid registry upgrade)
 * @param consentNeeded  apply refuses until the person consents to a paid change ({@code upgradeRegistry})
 * @param lines          the plan as lines for an output view or a terminal
 * @param summary        one line
 * @param apiCalls       DigitalOcean API requests the plan made
 */
public record PublishPlan(String account, String apiUrl, List<PlanItem> items, double monthlyUsd, double hourlyUsd,
    List<String> warnings, boolean consentNeeded, List<String> lines, String summary, int apiCalls) {
  public PublishPlan {
    items = items == null ? List.of() : List.copyOf(items);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
