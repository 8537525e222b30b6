package io.hostk8s.dev.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A phase's own 0–100 % land inside the outer command's range, so the outer scale only goes forward. */
class ProgressPhaseTest {
  private final List<String> lines = new ArrayList<>();
  private boolean cancelled;
  private final Progress outer = new Progress() {
    @Override public void begin(String title) { lines.add("begin " + title); }
    @Override public void report(String message, Integer percentage) { lines.add(message + " " + percentage); }
    @Override public void end(String message) { lines.add("end " + message); }
    @Override public boolean isCancelled() { return cancelled; }
  };

  @Test
  void percentagesAreMappedIntoTheRangeAndBeginEndBecomeReports() {
    Progress deploy = Progress.phase(outer, 30, 94);
    deploy.begin("deploy");
    deploy.report("load", 2);
    deploy.report("apply", 50);
    deploy.report("rollout", 100);
    deploy.report("no figure", null);
    deploy.report("out of range", 250);
    deploy.end("deployed");
    assertThat(lines).containsExactly("deploy null", "load 31", "apply 62", "rollout 94", "no figure null", "out of range 94",
        "deployed 94");
  }

  @Test
  void cancellationIsTheOuterOnes() {
    Progress phase = Progress.phase(outer, 10, 20);
    assertThat(phase.isCancelled()).isFalse();
    cancelled = true;
    assertThat(phase.isCancelled()).isTrue();
  }
}
