package io.hostk8s.dev.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.args.DeployArgs;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import io.hostk8s.dev.protocol.commands.args.LogsFollowArgs;
import io.hostk8s.dev.protocol.commands.args.ServiceArgs;
import io.hostk8s.dev.protocol.commands.args.SyncExplainArgs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments as clients send them (named object, positional, numbers as strings) read into the command's record. */
class TypedArgsTest {
  private static CommandArgs named(String json) {
    return CommandArgs.named(JsonParser.parseString(json).getAsJsonObject());
  }

  @Test
  void namedFieldsAndLenientNumbersAndBooleans() {
    ForwardStartArgs a = named("{\"service\":\"vote\",\"port\":\"80\",\"localPort\":18080,\"portName\":\"http\"}")
        .as(ForwardStartArgs.class);
    assertThat(a).isEqualTo(new ForwardStartArgs("vote", 80, 18080, null, "http"));
    assertThat(named("{\"service\":\"vote\",\"follow\":\"false\"}").as(LogsFollowArgs.class).follow()).isFalse();
    assertThat(named("{\"timeoutSeconds\":0.5,\"noWait\":true}").as(DeployArgs.class))
        .isEqualTo(new DeployArgs(null, true, null, 0.5));
  }

  @Test
  void positionalArgumentsFollowTheRecordsOrder() {
    CommandArgs positional = CommandArgs.of(List.of("vote", "voting-app/vote/app.py"), new Gson());
    assertThat(positional.as(SyncExplainArgs.class)).isEqualTo(new SyncExplainArgs("vote", "voting-app/vote/app.py"));
    assertThat(CommandArgs.of(List.of("vote"), new Gson()).as(ServiceArgs.class).service()).isEqualTo("vote");
  }

  @Test
  void aMissingRequiredArgumentSaysWhichAndGivesAnExample() {
    assertThatThrownBy(() -> CommandArgs.none().as(ServiceArgs.class)).isInstanceOfSatisfying(HostK8sException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
      assertThat(e.getMessage()).contains("'service'");
      assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("{\"service\": \"vote\"}"));
    });
  }

  @Test
  void aNonNumberForAPortIsRejectedWithAnExample() {
    assertThatThrownBy(() -> named("{\"service\":\"vote\",\"localPort\":\"eighty\"}").as(ForwardStartArgs.class))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENTS);
          assertThat(e.getMessage()).contains("localPort must be a whole number, not 'eighty'");
          assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("{\"localPort\": 18080}"));
        });
    assertThatThrownBy(() -> named("{\"service\":\"vote\",\"port\":-1}").as(ForwardStartArgs.class))
        .isInstanceOf(HostK8sException.class);
  }

  @Test
  void aTypedRecordGoesOutAsTheNamedObjectItIsReadFrom() {
    ForwardStartArgs sent = new ForwardStartArgs("vote", null, 18080, "web", null);
    assertThat(CommandArgs.of(sent).as(ForwardStartArgs.class)).isEqualTo(sent);
    assertThat(CommandArgs.of(sent).raw().get(0).getAsJsonObject().has("port")).isFalse();
  }
}
