package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** The error data a client renders: message, text suggestions and the fixes as commands it offers as buttons. */
class ErrorTranslatorTest {
  private static JsonObject data(Throwable t) {
    return (JsonObject) ((ResponseErrorException) ErrorTranslator.toLsp(t)).getResponseError().getData();
  }

  @Test
  void aMissingKubeconfigOffersToStartTheSandboxOrTheClusterBesidesItsTextSuggestion() {
    JsonObject data = data(HostK8sException.user(ErrorCode.KUBECONFIG_MISSING, "No kubeconfig at /k.", "Start a cluster."));
    assertThat(data.get("name").getAsString()).isEqualTo("KUBECONFIG_MISSING");
    assertThat(data.getAsJsonArray("suggestions").get(0).getAsString()).isEqualTo("Start a cluster.");
    JsonArray fixes = data.getAsJsonArray("fixes");
    assertThat(fixes).hasSize(2);
    JsonObject first = fixes.get(0).getAsJsonObject();
    assertThat(first.get("title").getAsString()).isEqualTo("Start Sandbox");
    assertThat(first.get("command").getAsString()).isEqualTo(CommandIds.SANDBOX_UP);
    assertThat(first.getAsJsonArray("arguments")).isEmpty();
    assertThat(fixes.get(1).getAsJsonObject().get("command").getAsString()).isEqualTo(CommandIds.CLUSTER_START);
  }

  @Test
  void noDockerOffersTheSandboxAndAnErrorNoCommandFixesOffersNone() {
    assertThat(data(HostK8sException.user(ErrorCode.DOCKER_UNREACHABLE, "No Docker.", null)).getAsJsonArray("fixes").get(0)
        .getAsJsonObject().get("command").getAsString()).isEqualTo(CommandIds.SANDBOX_UP);
    assertThat(data(HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "No service x.", "Use vote.")).getAsJsonArray("fixes")).isEmpty();
    assertThat(data(new IllegalStateException("boom")).getAsJsonArray("fixes")).isEmpty();
  }

  @Test
  void fixesNamedWhereTheErrorIsRaisedWinAndKeepTheirArguments() {
    Fix deployVote = new Fix("Deploy vote", CommandIds.DEPLOY, List.of(Map.of("service", "vote")));
    HostK8sException e = HostK8sException.user(ErrorCode.FORWARD_NO_POD, "No pod of vote.", "Deploy it.").withFixes(List.of(deployVote));
    JsonArray fixes = data(e).getAsJsonArray("fixes");
    assertThat(fixes).hasSize(1);
    assertThat(fixes.get(0).getAsJsonObject().getAsJsonArray("arguments").get(0).getAsJsonObject().get("service").getAsString())
        .isEqualTo("vote");
    assertThat(e.suggestions()).containsExactly("Deploy it.");
  }
}
