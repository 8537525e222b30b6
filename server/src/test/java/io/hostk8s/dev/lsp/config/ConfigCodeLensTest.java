package io.hostk8s.dev.lsp.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigFixtures;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CodeLens;
import org.junit.jupiter.api.Test;

class ConfigCodeLensTest {

  private static List<String> describe(List<CodeLens> lenses) {
    return lenses.stream().map(l -> l.getRange().getStart().getLine() + " " + l.getCommand().getTitle() + " "
        + l.getCommand().getCommand() + " " + l.getCommand().getArguments()).collect(Collectors.toList());
  }

  @Test
  void eachServiceGetsTheLensesItCanUse() {
    List<CodeLens> lenses = ConfigAssert.SERVICE.codeLenses(ConfigFixtures.fixture("full.hostk8s.dev.yaml"));
    assertThat(describe(lenses)).containsExactly(
        "5 Sync hostk8s.sync.start [vote]", "5 Debug hostk8s.client.debugService [{service=vote}]", "5 Deploy hostk8s.deploy [vote]",
        "13 Debug hostk8s.client.debugService [{service=worker}]", "13 Deploy hostk8s.deploy [worker]",
        "21 Sync hostk8s.sync.start [result]", "21 Deploy hostk8s.deploy [result]");
    assertThat(lenses.get(0).getRange()).isEqualTo(ConfigAssert.r(5, 2, 5, 6));
  }

  @Test
  void brokenYamlStillShowsAllLensesPerService() {
    assertThat(describe(ConfigAssert.SERVICE.codeLenses("services:\n  api:\n    image: [\n"))).containsExactly(
        "1 Sync hostk8s.sync.start [api]", "1 Debug hostk8s.client.debugService [{service=api}]", "1 Deploy hostk8s.deploy [api]");
  }

  @Test
  void noServicesNoLenses() {
    assertThat(ConfigAssert.SERVICE.codeLenses("namespace: x\ncluster:\n  name: y\n")).isEmpty();
  }
}
