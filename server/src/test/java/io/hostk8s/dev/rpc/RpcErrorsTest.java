package io.hostk8s.dev.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.commands.Fix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An error the engine owner reports keeps its fixes on the way to the front end. */
class RpcErrorsTest {
  @Test
  void fixesSurviveTheEngineSocket() {
    HostK8sException raised = HostK8sException.user(ErrorCode.KUBECONFIG_MISSING, "No kubeconfig.", "Start one.")
        .withFixes(List.of(Fix.START_SANDBOX));
    HostK8sException back = RpcErrors.fromRemote(RpcErrors.toResponseError(raised));
    assertThat(back.code()).isEqualTo(ErrorCode.KUBECONFIG_MISSING);
    assertThat(back.suggestions()).containsExactly("Start one.");
    assertThat(back.fixes()).containsExactly(Fix.START_SANDBOX);
  }
}
