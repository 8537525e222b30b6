package io.hostk8s.dev.lsp.config;

import static io.hostk8s.dev.lsp.config.ConfigAssert.assertDiagnostics;
import static io.hostk8s.dev.lsp.config.ConfigAssert.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigFixtures;
import java.nio.file.Path;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiagnosticsTest {
  @TempDir Path ws;

  @Test
  void validFullFileHasNoDiagnostics() {
    ConfigFixtures.votingWorkspace(ws);
    assertDiagnostics(ws, ConfigFixtures.fixture("full.hostk8s.dev.yaml"));
  }

  @Test
  void unknownKeyIsAWarningWithTheSuggestion() {
    ConfigFixtures.votingWorkspace(ws);
    String text = "services:\n  vote:\n    debg: {}\n";
    assertDiagnostics(ws, text, d(2, 4, 8, DiagnosticSeverity.Warning, 1105));
    assertThat(ConfigAssert.SERVICE.diagnose(ws, text).get(0).getMessage().getLeft()).isEqualTo(
        "Unknown key 'debg' in services.vote; did you mean 'debug'?");
  }

  @Test
  void enumErrorSyntaxErrorAndWorkspaceErrorsAreMapped() {
    ConfigFixtures.votingWorkspace(ws);
    assertDiagnostics(ws, "services:\n  vote:\n    context: gone\n    debug: { runtime: go }\n",
        d(2, 13, 17, DiagnosticSeverity.Error, 1107), d(3, 22, 24, DiagnosticSeverity.Error, 1110));
    assertDiagnostics(ws, "services:\n  vote:\n    image: [x\n", d(3, 0, 1, DiagnosticSeverity.Error, 1104));
  }

  @Test
  void problemsOfDefaultsThatAreNotInTheFileAreNotShown() {
    assertDiagnostics(ws, "namespace: dev\n");
  }

  @Test
  void everyDiagnosticHasSourceAndNumericCode() {
    Diagnostic diagnostic = ConfigAssert.SERVICE.diagnose(ws, "namespace: [\n").get(0);
    assertThat(diagnostic.getSource()).isEqualTo("hostk8s");
    assertThat(diagnostic.getCode().getRight()).isEqualTo(1104);
  }
}
