package io.hostk8s.dev.cloud.publish;

/**
 * The prices DigitalOcean's API does not publish (node sizes and registry tiers come live from the API). Figures
 * from DigitalOcean's pricing pages as collected on {@link #AS_OF}; shown in the plan as such, never as live.
 */
public final class Prices {
  public static final String AS_OF = "2026-11";
  /** One load balancer node (size unit 1), per month. */
  public static final double LOAD_BALANCER_MONTHLY = 10.00;
  /** Block storage, per GiB and month. */
  public static final double VOLUME_GIB_MONTHLY = 0.10;
  /** Postgres' volume in the cloud manifests. */
  public static final int POSTGRES_VOLUME_GIB = 1;
  /** Hours DigitalOcean bills a month at most (hourly price = monthly / 672). */
  public static final double HOURS_PER_MONTH = 672;

  private Prices() {}

  public static String source(String page) {
    return "DigitalOcean pricing page (" + page + "), as of " + AS_OF + "; not in the API: check the live page";
  }
}
