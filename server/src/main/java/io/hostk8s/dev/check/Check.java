package io.hostk8s.dev.check;

import io.hostk8s.dev.core.Workspace;

/** One environment check of {@code hostk8s-dev doctor}. Must answer within a few seconds. */
public interface Check {
  String name();

  CheckResult run(Workspace workspace);

  /** Why {@code target} does not need this check (it is then reported, not required); null when it does. */
  default String notNeeded(DevTarget target, Workspace workspace) {
    return null;
  }

  /** For checks only a real cluster needs (Docker, kind, the registry). */
  static String onlyForCluster(DevTarget target) {
    return target.sandbox() ? "not needed for the sandbox" : null;
  }

  /** For checks only the sandbox needs (its jar, its runtimes). */
  static String onlyForSandbox(DevTarget target) {
    return target.sandbox() ? null : "not needed for a real cluster";
  }
}
