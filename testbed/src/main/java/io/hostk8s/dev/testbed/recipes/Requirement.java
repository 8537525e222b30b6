package io.hostk8s.dev.testbed.recipes;

import java.util.List;
import java.util.Objects;

/**
 * Something a recipe's process needs on the host before it can start (a binary, a Python module, a built
 * artifact): a short name, the check, and — in each {@link Unmet} the check reports — the fix. Checks see the
 * environment the pod would get ({@link HostEnv}), so binaries resolve through that PATH, not the JVM's.
 *
 * @param name short name, e.g. {@code redis-server}
 * @param service who needs it, e.g. {@code redis} (a {@code run-local.sh service} name)
 * @param check finds what is missing
 */
public record Requirement(String name, String service, Check check) {

  public Requirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(check, "check");
  }

  /** Finds the missing pieces; an empty list means the requirement is met. */
  @FunctionalInterface
  public interface Check {
    List<Unmet> run(HostEnv host) throws Exception;
  }

  /** One missing piece and the command (or action) that installs it alone. */
  public record Unmet(String what, String fix) {
  }

  /** {@code binary} must be an executable on the pod's PATH. */
  public static Requirement onPath(String service, String binary, String fix) {
    return new Requirement(binary, service,
        host -> host.which(binary).isPresent() ? List.of() : List.of(new Unmet(binary, fix)));
  }
}
