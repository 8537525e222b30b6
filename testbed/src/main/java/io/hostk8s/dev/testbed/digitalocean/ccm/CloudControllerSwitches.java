package io.hostk8s.dev.testbed.digitalocean.ccm;

/**
 * Runtime switches of every cluster's cloud-controller stand-in, shared by a whole DigitalOcean stand-in.
 * {@link #loadBalancersStuck(boolean)}: while on, a new load balancer stays {@code new} (no IP, no relays, the
 * Service gets no ingress) — for tests of a client's timeout; switched off, the next reconcile (within a second)
 * carries it on to {@code active}.
 */
public final class CloudControllerSwitches {

  private volatile boolean stuck;

  public CloudControllerSwitches(boolean loadBalancersStuck) {
    this.stuck = loadBalancersStuck;
  }

  public void loadBalancersStuck(boolean on) {
    stuck = on;
  }

  public boolean loadBalancersStuck() {
    return stuck;
  }
}
