package io.hostk8s.dev.cloud.publish;

import io.hostk8s.dev.protocol.cloud.PlanItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The plan as a person reads it in a terminal or an output view. */
final class PlanLines {
  private PlanLines() {}

  static List<String> render(String account, String apiUrl, List<PlanItem> items, double monthly, double hourly,
      List<String> warnings) {
    List<String> out = new ArrayList<>();
    out.add("DigitalOcean account " + account + " (" + apiUrl + ")");
    for (PlanItem i : items) {
      String price = i.monthlyUsd() != null ? "$" + PublishPlanner.money(i.monthlyUsd()) + "/mo"
          : "node-pool".equals(i.kind()) ? "no price" : "free";
      String source = i.priceSource() == null || "api".equals(i.priceSource()) ? "" : "  [" + i.priceSource() + "]";
      out.add(String.format(Locale.ROOT, "  %-7s %-20s %-28s %10s  %s%s", i.action(), i.kind(), i.name(), price,
          i.detail(), source));
    }
    out.add(String.format(Locale.ROOT, "Estimated total: $%s/month, about $%.3f/hour while it exists "
        + "(live prices for nodes and registry; load balancer and volume from the pricing pages).",
        PublishPlanner.money(monthly), hourly));
    for (String w : warnings) {
      out.add("warning: " + w);
    }
    return out;
  }
}
