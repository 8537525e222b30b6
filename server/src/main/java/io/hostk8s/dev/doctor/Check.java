package io.hostk8s.dev.doctor;

import io.hostk8s.dev.engine.Workspace;

/** One environment check of {@code hostk8s-dev doctor}. Must answer within a few seconds. */
public interface Check {
  String name();

  CheckResult run(Workspace workspace);
}
