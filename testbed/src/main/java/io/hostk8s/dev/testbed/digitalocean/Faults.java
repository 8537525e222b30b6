package io.hostk8s.dev.testbed.digitalocean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The scripted failures of a stand-in; the first matching fault with answers left wins. Thread-safe. */
public final class Faults {

  private static final class Armed {
    final Fault fault;
    final Pattern path;
    int left;

    Armed(Fault fault) {
      this.fault = fault;
      this.path = Pattern.compile(fault.pathRegex());
      this.left = fault.times();
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  /** Arms a fault. */
  public synchronized Faults add(Fault fault) {
    armed.add(new Armed(fault));
    return this;
  }

  /** Disarms every fault. */
  public synchronized void clear() {
    armed.clear();
  }

  /** The fault this request triggers (using up one of its answers), if any. */
  synchronized Optional<Fault> take(String method, String path) {
    for (Armed a : armed) {
      if (a.left != 0 && ("*".equals(a.fault.method()) || a.fault.method().equalsIgnoreCase(method))
          && a.path.matcher(path).matches()) {
        if (a.left > 0) {
          a.left--;
        }
        return Optional.of(a.fault);
      }
    }
    return Optional.empty();
  }
}
