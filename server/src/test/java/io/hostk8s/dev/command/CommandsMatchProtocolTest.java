package io.hostk8s.dev.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.process.SystemProcessRunner;
import io.hostk8s.dev.protocol.commands.CommandIds;
import org.junit.jupiter.api.Test;

/**
 * The server registers exactly the commands the protocol module names, in its order: a client that builds its menus
 * from {@code CommandIds.server()} (or from what initialize announces) never offers a command the server lacks.
 */
class CommandsMatchProtocolTest {
  @Test
  void theRegisteredCommandsAreExactlyTheProtocolsServerIdsInOrder() {
    assertThat(Commands.standard(new SystemProcessRunner()).ids()).containsExactlyElementsOf(CommandIds.server());
  }

  @Test
  void theIdsAnnouncedBeforeAnyEngineExistsAreTheSame() {
    assertThat(Commands.ids()).containsExactlyElementsOf(CommandIds.server());
  }
}
