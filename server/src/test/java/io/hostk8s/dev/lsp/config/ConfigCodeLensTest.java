package io.hostk8s.dev.lsp.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigFixtures;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.List;
import java.util.Map;
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
        "5 Sync hostk8s.client.run [{command=hostk8s.sync.start, arguments={service=vote}}]",
        "5 Debug hostk8s.client.debugService [{service=vote}]",
        "5 Deploy hostk8s.client.run [{command=hostk8s.deploy, arguments={service=vote}}]",
        "13 Debug hostk8s.client.debugService [{service=worker}]",
        "13 Deploy hostk8s.client.run [{command=hostk8s.deploy, arguments={service=worker}}]",
        "21 Sync hostk8s.client.run [{command=hostk8s.sync.start, arguments={service=result}}]",
        "21 Deploy hostk8s.client.run [{command=hostk8s.deploy, arguments={service=result}}]");
    assertThat(lenses.get(0).getRange()).isEqualTo(ConfigAssert.r(5, 2, 5, 6));
  }

  @Test
  void brokenYamlStillShowsAllLensesPerService() {
    assertThat(describe(ConfigAssert.SERVICE.codeLenses("services:\n  api:\n    image: [\n"))).containsExactly(
        "1 Sync hostk8s.client.run [{command=hostk8s.sync.start, arguments={service=api}}]",
        "1 Debug hostk8s.client.debugService [{service=api}]",
        "1 Deploy hostk8s.client.run [{command=hostk8s.deploy, arguments={service=api}}]");
  }

  @Test
  void everyLensRunsThroughAClientCommandNamingAServerCommandTheServerHas() {
    for (CodeLens l : ConfigAssert.SERVICE.codeLenses(ConfigFixtures.fixture("full.hostk8s.dev.yaml"))) {
      String id = l.getCommand().getCommand();
      assertThat(id).as("client-side ids only").isIn(CommandIds.CLIENT_RUN, CommandIds.CLIENT_DEBUG_SERVICE);
      if (id.equals(CommandIds.CLIENT_RUN)) {
        Map<?, ?> arg = (Map<?, ?>) l.getCommand().getArguments().get(0);
        assertThat(CommandIds.server()).contains((String) arg.get("command"));
        assertThat(String.valueOf(((Map<?, ?>) arg.get("arguments")).keySet())).isEqualTo("[service]");
      }
    }
  }

  @Test
  void noServicesNoLenses() {
    assertThat(ConfigAssert.SERVICE.codeLenses("namespace: x\ncluster:\n  name: y\n")).isEmpty();
  }
}
