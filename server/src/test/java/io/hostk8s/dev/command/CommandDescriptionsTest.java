package io.hostk8s.dev.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import io.hostk8s.dev.protocol.commands.CommandDescription;
import io.hostk8s.dev.protocol.commands.CommandIds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What hostk8s/commands tells a client is complete: category, arguments with kinds and choices, a usable result view. */
class CommandDescriptionsTest {
  private final List<Command> commands = Commands.standard(new SystemProcessRunner()).all();
  private final List<CommandDescription> described = CommandDescriptions.of(commands, List.of("vote", "result", "worker"),
      List.of("vote", "worker"));

  @Test
  void everyCommandHasACategoryAndAResultViewAClientCanShow() {
    assertThat(described).allSatisfy(d -> {
      assertThat(d.category()).as(d.id()).isNotBlank();
      assertThat(d.title()).as(d.id()).isNotBlank();
      assertThat(d.result().show()).as(d.id()).isIn("message", "document", "status", "logs");
      assertThat(d.result().summary()).as(d.id()).isNotBlank();
      assertThat(d.id()).isIn(CommandIds.server());
    });
  }

  @Test
  void serviceArgumentsOfferTheConfiguredServices() {
    ArgumentDescription service = byId(CommandIds.SYNC_START).arguments().get(0);
    assertThat(service.name()).isEqualTo("service");
    assertThat(service.kind()).isEqualTo(ArgumentKind.SERVICE);
    assertThat(service.required()).isTrue();
    assertThat(service.choices()).containsExactly("vote", "result", "worker");
    assertThat(byId(CommandIds.SYNC_EXPLAIN).arguments()).extracting(ArgumentDescription::kind)
        .containsExactly(ArgumentKind.SERVICE, ArgumentKind.FILE);
    assertThat(byId(CommandIds.DOCTOR).arguments().get(0).choices()).containsExactly("cluster", "sandbox");
    assertThat(byId(CommandIds.DEPLOY).arguments()).extracting(ArgumentDescription::kind)
        .containsExactly(ArgumentKind.BOOLEAN, ArgumentKind.BOOLEAN, ArgumentKind.BOOLEAN, ArgumentKind.NUMBER, ArgumentKind.SERVICE);
    ArgumentDescription only = byId(CommandIds.DEPLOY).arguments().get(4);
    assertThat(only.name()).isEqualTo("service");
    assertThat(only.required()).as("absent: every service").isFalse();
    assertThat(byId(CommandIds.RESTART).arguments()).extracting(ArgumentDescription::name, ArgumentDescription::required)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("service", true));
    assertThat(byId(CommandIds.STATUS).arguments()).isEmpty();
    ArgumentDescription debugged = byId(CommandIds.DEBUG_ENDPOINT).arguments().get(0);
    assertThat(debugged.kind()).isEqualTo(ArgumentKind.DEBUG_SERVICE);
    assertThat(debugged.choices()).as("only services with a debugger").containsExactly("vote", "worker");
  }

  private CommandDescription byId(String id) {
    return described.stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }
}
