package io.hostk8s.intellij.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.hostk8s.intellij.core.debug.AttachConfiguration;
import io.hostk8s.intellij.core.debug.DebugChoices;
import io.hostk8s.intellij.core.debug.JdwpForward;
import io.hostk8s.intellij.core.debug.ServiceDebug;
import io.hostk8s.intellij.core.debug.TcpAdapter;
import io.hostk8s.intellij.core.errors.ErrorData;
import io.hostk8s.intellij.core.errors.ErrorView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.junit.jupiter.api.Test;

/** Error data and the debug endpoint as LSP4IJ hands them over (Gson trees, numbers as Double). */
class ErrorsAndDebugTest {
  static final String DATA = "{\"code\":2001,\"name\":\"KUBECONFIG_MISSING\",\"suggestions\":[\"Start the sandbox: hostk8s-dev sandbox up\","
      + "\"Or point KUBECONFIG at a cluster\"],\"fixes\":[{\"title\":\"Start Sandbox\",\"command\":\"hostk8s.sandbox.up\",\"arguments\":[]}]}";

  static ErrorData failed(Object data) {
    ResponseError e = new ResponseError(2001, "No kubeconfig at /w/none", data);
    return ErrorData.of(new CompletionException(new ResponseErrorException(e)));
  }

  @Test
  void theServersMessageFixesAndCodeReadTheSameFromAJsonTreeAndFromAMapOfDoubles() {
    ErrorView tree = ErrorView.of("Forward", failed(JsonParser.parseString(DATA)));
    ErrorView map = ErrorView.of("Forward", failed(Fixtures.lsp4ijShaped(DATA)));
    assertThat(map).isEqualTo(tree);
    assertThat(tree.text()).isEqualTo("HostK8s: Forward failed: No kubeconfig at /w/none.");
    assertThat(tree.fixes()).extracting(f -> f.command()).containsExactly("hostk8s.sandbox.up");
    assertThat(tree.detail()).containsExactly("Forward failed [KUBECONFIG_MISSING 2001]: No kubeconfig at /w/none.",
        "  fix: Start the sandbox: hostk8s-dev sandbox up", "  fix: Or point KUBECONFIG at a cluster");
    assertThat(tree.more()).isTrue();
    assertThat(failed(Fixtures.lsp4ijShaped(DATA)).serverCode()).isEqualTo(2001);
  }

  @Test
  void withoutAFixButtonTheFirstSuggestionIsTheFixAndCancellationIsNoError() {
    ErrorView v = ErrorView.of("Up", failed(Fixtures.lsp4ijShaped("{\"suggestions\":[\"run make setup\"]}")));
    assertThat(v.text()).isEqualTo("HostK8s: Up failed: No kubeconfig at /w/none. Fix: run make setup.");
    ErrorView cancelled = ErrorView.of("Up", ErrorData.of(new ResponseErrorException(new ResponseError(-32800, "cancelled", null))));
    assertThat(cancelled.cancelled()).isTrue();
    assertThat(cancelled.text()).isEqualTo("HostK8s: Up was cancelled.");
    assertThat(ErrorData.of(new CompletionException(new CancellationException())).cancelled()).isTrue();
    ErrorView plain = ErrorView.of("Up", ErrorData.of(new IllegalStateException("HostK8s server is not running")));
    assertThat(plain.text()).isEqualTo("HostK8s: Up failed: HostK8s server is not running.");
    assertThat(ErrorView.shorten("a".repeat(300), 240)).hasSize(240).endsWith("…");
  }

  @Test
  void theEndpointIsReadFromDoublesAndTheTokenTravelsOnlyInTheAttachArguments() {
    Object reply = Fixtures.lsp4ijShaped("{\"path\":\"/w/.hostk8s/engine/dap.sock\",\"host\":\"127.0.0.1\",\"port\":4711,\"token\":\"s3cret\"}");
    assertThat(((Map<?, ?>) reply).get("port")).isEqualTo(4711.0);
    TcpAdapter a = TcpAdapter.of(reply);
    assertThat(a.port()).isEqualTo(4711);
    assertThat(a.host()).isEqualTo("127.0.0.1");
    assertThat(a.toString()).doesNotContain("s3cret");
    AttachConfiguration vote = new AttachConfiguration("vote");
    assertThat(vote.endpointArguments()).containsExactly(Map.of("type", "hostk8s", "request", "attach", "service", "vote"));
    assertThat(vote.dapParameters(a)).isEqualTo(Map.of("type", "hostk8s", "name", "Debug vote in cluster",
        "request", "attach", "service", "vote", "token", "s3cret"));
    assertThatThrownBy(() -> TcpAdapter.of(Fixtures.lsp4ijShaped("{\"path\":\"/x\"}"))).hasMessageContaining("no TCP port");
    assertThatThrownBy(() -> new AttachConfiguration(" ")).hasMessageContaining("needs a service");
  }

  @Test
  void theServiceChooserListsTheServicesTheServerSaysHaveADebugger() throws Exception {
    Optional<List<String>> debuggable = DebugChoices.debuggable(Fixtures.catalog());
    assertThat(debuggable).contains(List.of("vote", "worker"));
    assertThat(DebugChoices.problem("vote", debuggable)).isNull();
    assertThat(DebugChoices.problem("result", debuggable))
        .isEqualTo("HostK8s: \"result\" has no debugger in hostk8s.dev.yaml (services you can debug: vote, worker).");
  }

  @Test
  void theWorkerJvmConfigurationReadsTheDebugPortFromTheConfigAndAsksForTheJdwpForward() {
    Object config = Fixtures.lsp4ijShaped("{\"config\":{\"services\":{\"worker\":{\"debug\":{\"runtime\":\"java\",\"port\":5005}},"
        + "\"vote\":{\"debug\":{\"runtime\":\"python\",\"port\":5678}},\"result\":{}}}}");
    ServiceDebug worker = ServiceDebug.of(config, "worker").orElseThrow();
    assertThat(worker).isEqualTo(new ServiceDebug("worker", "java", 5005));
    assertThat(worker.isJava()).isTrue();
    assertThat(ServiceDebug.of(config, "vote").orElseThrow().isJava()).isFalse();
    assertThat(ServiceDebug.of(config, "result")).isEmpty();
    JdwpForward f = worker.jdwpForward();
    assertThat(f.command()).isEqualTo("hostk8s.forward.start");
    assertThat(f.arguments()).containsExactly(Map.of("service", "worker", "port", 5005, "name", "jdwp"));
    assertThat(JdwpForward.localPort(Fixtures.lsp4ijShaped("{\"service\":\"worker\",\"name\":\"jdwp\",\"localPort\":15005,"
        + "\"remotePort\":5005,\"state\":\"active\"}"))).isEqualTo(15005);
    assertThatThrownBy(() -> JdwpForward.localPort(Fixtures.lsp4ijShaped("{}"))).hasMessageContaining("no local port");
  }
}
