package io.hostk8s.dev.cloud.digitalocean;

import java.util.List;

/**
 * A Monitoring alert policy ({@code alert_policy} in the spec): {@code type} e.g. {@code v1/insights/droplet/cpu},
 * fired when the metric {@code compare}s ({@code GreaterThan}) {@code value} over {@code window} ({@code 5m}) on the
 * droplets named by {@code entities} or {@code tags} (both empty: every droplet of the account).
 */
public record AlertPolicy(String uuid, String type, String description, String compare, double value, String window,
    List<String> entities, List<String> tags, Alerts alerts, boolean enabled) {

  /** Where it notifies: e-mail addresses (and Slack channels, which publish does not use). */
  public record Alerts(List<String> email, List<Slack> slack) {}

  /** A Slack channel and its webhook URL. */
  public record Slack(String channel, String url) {}

  /** The request body: every field but the uuid. */
  public record Request(String type, String description, String compare, double value, String window,
      List<String> entities, List<String> tags, Alerts alerts, boolean enabled) {}

  public Request request() {
    return new Request(type, description, compare, value, window, entities, tags, alerts, enabled);
  }
}
