package io.hostk8s.dev.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReloadHeaderTest {

  @Test
  void theHeaderOfVotesDevServerGivesWhenTheAnsweringCodeWasLoaded() {
    ReloadHeader h = ReloadHeader.parse("gen=7; age-ms=120; detect-ms=16; load-ms=44").orElseThrow();
    assertThat(h.generation()).isEqualTo(7);
    assertThat(h.loadedAt(10_000)).isEqualTo(9_880);
  }

  @Test
  void noHeaderOrAnotherFormatIsNotAReloadHeader() {
    assertThat(ReloadHeader.parse(null)).isEmpty();
    assertThat(ReloadHeader.parse("")).isEmpty();
    assertThat(ReloadHeader.parse("gen=3")).isEmpty();
    assertThat(ReloadHeader.parse("xgen=3; age-ms=1")).isEmpty();
  }
}
