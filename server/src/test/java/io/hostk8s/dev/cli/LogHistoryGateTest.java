package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogHistoryGateTest {
  @Test
  void liveLinesWaitForTheHistoryAndTheOnesItAlreadyShowedAreNotRepeated() {
    List<String> out = new ArrayList<>();
    LogHistoryGate gate = new LogHistoryGate(out::add);
    gate.live("c");
    gate.live("d");
    gate.history(List.of("a", "b", "c"));
    gate.live("e");
    assertThat(out).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void withoutHistoryTheHeldLinesPassInOrder() {
    List<String> out = new ArrayList<>();
    LogHistoryGate gate = new LogHistoryGate(out::add);
    gate.live("x");
    gate.open();
    gate.live("y");
    assertThat(out).containsExactly("x", "y");
  }

  @Test
  void overlapIsTheLongestPrefixOfTheLiveLinesThatEndsTheHistory() {
    assertThat(LogHistoryGate.overlap(List.of("a", "b", "a"), List.of("a", "b", "c"))).isEqualTo(1);
    assertThat(LogHistoryGate.overlap(List.of("a", "b"), List.of("a", "b", "c"))).isEqualTo(2);
    assertThat(LogHistoryGate.overlap(List.of("a"), List.of("z"))).isZero();
    assertThat(LogHistoryGate.overlap(List.of(), List.of("z"))).isZero();
  }
}
