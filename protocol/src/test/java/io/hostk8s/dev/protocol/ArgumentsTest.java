package io.hostk8s.dev.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.protocol.commands.Arg;
import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import io.hostk8s.dev.protocol.commands.Arguments;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
  record Undescribed(String service) {}

  record Mixed(@Arg(kind = ArgumentKind.SERVICE, prompt = "Service", required = true) String service,
      @Arg(prompt = "Port") Integer port, @Arg(prompt = "Quiet") boolean quiet, @Arg(prompt = "Seconds") Double seconds) {}

  @Test
  void kindsComeFromTheAnnotationOrTheComponentsType() {
    assertThat(Arguments.describe(Mixed.class)).extracting(ArgumentDescription::kind)
        .containsExactly(ArgumentKind.SERVICE, ArgumentKind.INTEGER, ArgumentKind.BOOLEAN, ArgumentKind.NUMBER);
    assertThat(Arguments.describe(Mixed.class).get(0).required()).isTrue();
    assertThat(Arguments.describe(ForwardStartArgs.class)).extracting(ArgumentDescription::name)
        .containsExactly("service", "port", "localPort", "name", "portName");
  }

  @Test
  void aComponentWithoutArgIsAMistakeNotASilentGap() {
    assertThatThrownBy(() -> Arguments.describe(Undescribed.class)).hasMessageContaining("Undescribed.service has no @Arg");
  }

  @Test
  void commandIdsAreUniqueAndNamespaced() {
    assertThat(new HashSet<>(CommandIds.server())).hasSize(CommandIds.server().size());
    assertThat(CommandIds.server()).allSatisfy(id -> assertThat(id).startsWith("hostk8s."))
        .doesNotContain(CommandIds.CLIENT_DEBUG_SERVICE);
  }
}
