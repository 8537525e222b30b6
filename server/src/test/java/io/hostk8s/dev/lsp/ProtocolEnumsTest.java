package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.protocol.commands.ArgumentDescription;
import io.hostk8s.dev.protocol.commands.ArgumentKind;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

class ProtocolEnumsTest {
  private static final ArgumentDescription TARGET =
      new ArgumentDescription("target", ArgumentKind.CHOICE, "Check for", false, List.of("cluster", "sandbox"), null);

  @Test
  void argumentKindsGoOverLspByNameAsTheCliWritesThem() {
    MessageJsonHandler lsp = new MessageJsonHandler(Map.of(), ProtocolEnums::register);
    assertThat(lsp.getGson().toJson(TARGET)).contains("\"kind\":\"CHOICE\"");
    assertThat(lsp.getGson().fromJson("{\"name\":\"t\",\"kind\":\"FILE\"}", ArgumentDescription.class).kind())
        .isEqualTo(ArgumentKind.FILE);
  }

  @Test
  void withoutItLsp4jWouldSendTheOrdinal() {
    assertThat(new MessageJsonHandler(Map.of()).getGson().toJson(TARGET)).contains("\"kind\":" + ArgumentKind.CHOICE.ordinal());
  }
}
