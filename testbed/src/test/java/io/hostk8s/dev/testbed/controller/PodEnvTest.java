package io.hostk8s.dev.testbed.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PodEnvTest {

  @Test
  void dependentVariablesExpandAsKubernetesDoes() {
    Map<String, String> defined = Map.of("POSTGRES_PASSWORD", "pw", "EMPTY", "");
    assertThat(PodEnv.expand("postgres://postgres:$(POSTGRES_PASSWORD)@db:5432/votes", defined))
        .isEqualTo("postgres://postgres:pw@db:5432/votes");
    assertThat(PodEnv.expand("$(UNKNOWN)-$(EMPTY)-$$(POSTGRES_PASSWORD)-$5", defined))
        .isEqualTo("$(UNKNOWN)--$(POSTGRES_PASSWORD)-$5");
  }
}
