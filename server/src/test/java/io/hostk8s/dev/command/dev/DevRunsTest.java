package io.hostk8s.dev.command.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import org.junit.jupiter.api.Test;

/** The engine's table of dev runs: names, a stop that overtakes its start, work recorded after a stop. */
class DevRunsTest {
  private final DevRuns runs = new DevRuns();

  @Test
  void runsWithoutANameGetOneAndAStopWithoutANameTakesEveryRun() {
    DevRun a = runs.begin(null);
    DevRun b = runs.begin(null);
    assertThat(a.id()).isEqualTo("dev-1");
    assertThat(b.id()).isEqualTo("dev-2");
    assertThat(runs.take(null)).containsExactly(a, b);
    assertThat(runs.take(null)).isEmpty();
  }

  @Test
  void aNameInUseIsRefused() {
    runs.begin("cli-1");
    assertThatThrownBy(() -> runs.begin("cli-1")).isInstanceOfSatisfying(HostK8sException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS));
  }

  @Test
  void aStopThatOvertakesItsStartMakesTheStartGiveUp() {
    assertThat(runs.take("cli-2")).isEmpty();
    DevRun late = runs.begin("cli-2");
    assertThat(late.stopped()).isTrue();
    assertThat(late.add(new DevRun.Work(DevRun.Kind.SYNC, "vote", null))).as("nothing is recorded after a stop").isFalse();
    assertThat(runs.begin("cli-2").stopped()).as("the name is free again").isFalse();
  }

  @Test
  void aStoppedRunReturnsWhatItStartedAndRecordsNothingMore() {
    DevRun run = runs.begin("r");
    run.sandbox(true, true);
    run.add(new DevRun.Work(DevRun.Kind.SYNC, "result", null));
    run.add(new DevRun.Work(DevRun.Kind.FORWARD, "vote", "http"));
    run.add(new DevRun.Work(DevRun.Kind.LOGS, "vote", null));
    assertThat(run.startedWords()).containsExactly("sync result", "forward vote/http", "logs -f vote");
    assertThat(runs.take("r")).containsExactly(run);
    assertThat(run.stop()).hasSize(3);
    assertThat(run.add(new DevRun.Work(DevRun.Kind.LOGS, "result", null))).isFalse();
    assertThat(run.sandboxKept()).isTrue();
    assertThat(run.sandboxStartedHere()).isFalse();
  }
}
