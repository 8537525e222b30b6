package io.hostk8s.dev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.command.Command;
import io.hostk8s.dev.command.Commands;
import io.hostk8s.dev.process.SystemProcessRunner;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every LSP command is also a CLI command, and every CLI form resolves to a real subcommand. */
class CliParityTest {
  @Test
  void everyRegisteredCommandHasACliSubcommand() {
    CommandLine root = RootCommand.commandLine();
    for (Command c : Commands.standard(new SystemProcessRunner()).all()) {
      String form = RootCommand.CLI_FORMS.get(c.id());
      assertThat(form).as("CLI form of " + c.id()).isNotNull();
      CommandLine current = root;
      for (String word : form.split(" ")) {
        current = current.getSubcommands().get(word);
        assertThat(current).as("subcommand '" + word + "' of " + form).isNotNull();
      }
      Object user = current.getCommand();
      if (user instanceof EngineCommandCli e) {
        assertThat(e.commandId()).isEqualTo(c.id());
      }
    }
  }

  @Test
  void cliFormsNameOnlyRegisteredCommands() {
    var ids = Commands.standard(new SystemProcessRunner()).ids();
    assertThat(ids).containsAll(RootCommand.CLI_FORMS.keySet());
  }
}
