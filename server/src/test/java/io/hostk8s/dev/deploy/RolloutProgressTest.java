package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The de-duplication of rollout progress: few lines, each about one service, and percentages that only go forward. */
class RolloutProgressTest {
  static final List<String> SERVICES = List.of("vote", "worker", "result", "db", "redis");
  final AtomicLong clock = new AtomicLong();
  final List<String> lines = new ArrayList<>();
  final List<Integer> percentages = new ArrayList<>();
  final Progress progress = new Progress() {
    @Override public void begin(String title) {}
    @Override public void report(String message, Integer percentage) {
      lines.add(message);
      if (percentage != null) {
        percentages.add(percentage);
      }
    }
    @Override public void end(String message) {}
    @Override public boolean isCancelled() { return false; }
  };

  static ServiceReadiness unready(String name, String reason) {
    return new ServiceReadiness(name, false, 0, 1, List.of(name + "-7d9f-abcde"), reason, true);
  }

  static ServiceReadiness ready(String name) {
    return new ServiceReadiness(name, true, 1, 1, List.of(name + "-7d9f-abcde"), null, true);
  }

  static String summary(Map<String, ServiceReadiness> now) {
    return now.values().stream().map(ServiceReadiness::summary).reduce((a, b) -> a + ", " + b).orElse("");
  }

  void at(long millis, RolloutProgress p, Map<String, ServiceReadiness> now) {
    clock.set(Duration.ofMillis(millis).toNanos());
    p.update(List.copyOf(now.values()));
  }

  long linesAbout(String service) {
    return lines.stream().filter(l -> l.startsWith("rollout: " + service + " ")).count();
  }

  @Test
  void theCrashLoopThatPrinted137LinesGivesAFewLinesPerService() {
    RolloutProgress p = new RolloutProgress(progress, 64, 94, Duration.ofSeconds(2), clock::get);
    Map<String, ServiceReadiness> now = new LinkedHashMap<>();
    SERVICES.forEach(s -> now.put(s, unready(s, "Pending")));
    List<String> oldLines = new ArrayList<>();
    long t = 0;
    int backOff = 10;
    for (int event = 0; oldLines.size() < 137; event++) {
      t += 1300;
      int restart = event / 4;
      switch (event % 4) {
        case 0 -> now.put("vote", unready("vote", "Running"));
        case 1 -> now.put("vote", unready("vote", "Terminated (Error, exit 1)"));
        case 2 -> {
          backOff = Math.min(backOff * 2, 300);
          now.put("vote", unready("vote", "CrashLoopBackOff: back-off " + backOff + "000ms restarting failed container=vote pod=vote-7d9f-abcde_sample-app(1b2c)"));
        }
        default -> now.put("result", unready("result", "Running; last event Unhealthy: Readiness probe failed: connection refused (attempt " + restart + ")"));
      }
      if (event == 3) {
        now.put("db", ready("db"));
        now.put("redis", ready("redis"));
      }
      if (event == 6) {
        now.put("worker", unready("worker", "Running"));
      }
      if (event % 4 == 3) {
        t += 8000;
      }
      at(t, p, now);
      oldLines.add(summary(now));
    }
    for (int i = 1; i < oldLines.size(); i++) {
      assertThat(oldLines.get(i)).as("the old progress printed the whole line on every change").isNotEqualTo(oldLines.get(i - 1));
    }

    assertThat(lines).as(String.join("\n", lines)).hasSizeLessThanOrEqualTo(3 * SERVICES.size() + 1);
    for (String s : SERVICES) {
      assertThat(linesAbout(s)).as(s + " in\n" + String.join("\n", lines)).isLessThanOrEqualTo(3);
    }
    assertThat(lines.get(0)).isEqualTo("rollout: waiting for vote, worker, result, db, redis");
    assertThat(lines).containsOnlyOnce("rollout: vote 0/1 CrashLoopBackOff", "rollout: result 0/1 Running (last event Unhealthy)")
        .contains("rollout: db ready (1/1) in 13.2 s", "rollout: redis ready (1/1) in 13.2 s")
        .noneMatch(l -> l.contains("ms") || l.contains("attempt"));
    assertThat(lines.subList(1, lines.size())).as("each line is about one service").noneMatch(l -> l.contains(", "));
  }

  @Test
  void aHealthyRolloutReportsEachServiceReadyOnceAndOneFinalLine() {
    RolloutProgress p = new RolloutProgress(progress, 64, 94, Duration.ofSeconds(2), clock::get);
    Map<String, ServiceReadiness> now = new LinkedHashMap<>();
    SERVICES.forEach(s -> now.put(s, unready(s, "no pods yet")));
    at(0, p, now);
    SERVICES.forEach(s -> now.put(s, unready(s, "Pending")));
    at(300, p, now);
    SERVICES.forEach(s -> now.put(s, unready(s, "Running")));
    at(900, p, now);
    now.put("redis", ready("redis"));
    at(1200, p, now);
    now.put("db", ready("db"));
    now.put("worker", ready("worker"));
    at(2000, p, now);
    at(2600, p, now);
    at(3100, p, now);
    now.put("result", ready("result"));
    at(3400, p, now);
    now.put("vote", ready("vote"));
    at(4100, p, now);
    p.done(List.copyOf(now.values()));

    assertThat(lines).containsExactly(
        "rollout: waiting for vote, worker, result, db, redis",
        "rollout: redis ready (1/1) in 1.2 s",
        "rollout: worker ready (1/1) in 2.0 s",
        "rollout: db ready (1/1) in 2.0 s",
        "rollout: vote 0/1 Running",
        "rollout: result 0/1 Running",
        "rollout: result ready (1/1) in 3.4 s",
        "rollout: vote ready (1/1) in 4.1 s",
        "rollout: 5/5 services ready in 4.1 s");
    assertThat(percentages).isSorted().allMatch(x -> x >= 64 && x <= 94).endsWith(94);
  }

  @Test
  void percentagesNeverGoBackWhenAServiceIsReadyThenNotAgain() {
    RolloutProgress p = new RolloutProgress(progress, 64, 94, Duration.ZERO, clock::get);
    Map<String, ServiceReadiness> now = new LinkedHashMap<>();
    now.put("vote", unready("vote", "Pending"));
    now.put("worker", unready("worker", "Pending"));
    at(0, p, now);
    now.put("vote", ready("vote"));
    at(100, p, now);
    now.put("vote", unready("vote", "Terminated (Error, exit 1)"));
    at(200, p, now);
    now.put("vote", unready("vote", "Pending"));
    at(300, p, now);
    assertThat(lines).as("after being ready, states are reported again")
        .containsSubsequence("rollout: vote ready (1/1) in 0.1 s", "rollout: vote 0/1 Terminated (Error, exit 1)", "rollout: vote 0/1 Pending");
    assertThat(percentages).as("64 + 30 * 1/2 once vote is ready, and not back to 64 when it is not").isSorted()
        .startsWith(64).endsWith(79).contains(79);
  }

  @Test
  void servicesReadyAtTheStartAreOnlyNamed() {
    RolloutProgress p = new RolloutProgress(progress, 64, 94, Duration.ofSeconds(2), clock::get);
    at(0, p, Map.of("vote", unready("vote", "rolling out (0/1 updated)")));
    assertThat(lines).containsExactly("rollout: waiting for vote");
    lines.clear();
    RolloutProgress q = new RolloutProgress(progress, 64, 94, Duration.ofSeconds(2), clock::get);
    Map<String, ServiceReadiness> all = new LinkedHashMap<>();
    all.put("vote", unready("vote", "rolling out (0/1 updated)"));
    all.put("db", ready("db"));
    at(0, q, all);
    assertThat(lines).containsExactly("rollout: waiting for vote (db ready)");
  }

  @Test
  void theStateKeepsTheReasonWithoutItsChangingDetails() {
    assertThat(RolloutProgress.state(unready("vote", "CrashLoopBackOff: back-off 8000ms restarting failed container=vote")))
        .isEqualTo("0/1 CrashLoopBackOff");
    assertThat(RolloutProgress.state(unready("vote", "ErrImagePull: rpc error: code = NotFound; last event Failed: Failed to pull image \"x\"")))
        .isEqualTo("0/1 ErrImagePull (last event Failed)");
    assertThat(RolloutProgress.state(unready("vote", "rolling out (1 old pod(s) still running)")))
        .isEqualTo("0/1 rolling out (1 old pod(s) still running)");
    assertThat(RolloutProgress.state(unready("vote", "Terminated (Error, exit 1)"))).isEqualTo("0/1 Terminated (Error, exit 1)");
  }

  @Test
  void aCrashLogIsShownOncePerServiceWithPrefixedLines() {
    RolloutProgress p = new RolloutProgress(progress, 64, 94, Duration.ofSeconds(2), clock::get);
    ContainerProblem crash = new ContainerProblem("vote", true, "vote-7d9f-abcde", "vote", "busybox:1",
        ContainerProblem.State.WAITING, "CrashLoopBackOff", "back-off", 1, 1);
    p.crashLog(crash, List.of("starting", "boom: missing setting XYZ"));
    p.crashLog(crash, List.of("again"));
    assertThat(p.logShown("vote")).isTrue();
    assertThat(lines).containsExactly("rollout: vote crashed (exit code 1) in pod vote-7d9f-abcde; last log lines:",
        "rollout: vote | starting", "rollout: vote | boom: missing setting XYZ");
  }
}
