package io.hostk8s.dev.testbed.digitalocean.ccm;

import java.util.HashSet;
import java.util.Set;

/**
 * Load balancer IPs on loopback (all of 127/8 is loopback on Linux): {@code 127.0.0.10} upwards, each handed out
 * once in this JVM until released, so two stand-ins (or two clusters) never share an address.
 */
public final class LoopbackAddresses {

  static final int FIRST = 10;
  static final int LAST = 250;
  private static final Set<Integer> GIVEN = new HashSet<>();

  private LoopbackAddresses() {
  }

  /** The lowest free address at or after {@code 127.0.0.<from>}; throws when all are in use. */
  static synchronized String allocate(int from) {
    for (int n = Math.max(FIRST, from); n <= LAST; n++) {
      if (GIVEN.add(n)) {
        return "127.0.0." + n;
      }
    }
    throw new IllegalStateException("no free load balancer address in 127.0.0." + FIRST + "-" + LAST);
  }

  static synchronized void release(String ip) {
    if (ip != null && ip.startsWith("127.0.0.")) {
      GIVEN.remove(Integer.parseInt(ip.substring("127.0.0.".length())));
    }
  }

  /** The last octet of {@code ip}. */
  static int octet(String ip) {
    return Integer.parseInt(ip.substring(ip.lastIndexOf('.') + 1));
  }
}
