package io.hostk8s.dev.lsp.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.hostk8s.dev.config.ConfigFixtures;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigQuickFixTest {
  static final String URI = "file:///ws/hostk8s.dev.yaml";
  @TempDir Path ws;

  /** The diagnostics as a client sends them back in a codeAction request (data is JSON again). */
  private List<Diagnostic> roundTripped(String text) {
    Gson gson = new Gson();
    return ConfigAssert.SERVICE.diagnose(ws, text).stream().map(d -> {
      Diagnostic copy = new Diagnostic(d.getRange(), d.getMessage().getLeft(), d.getSeverity(), d.getSource());
      copy.setCode(d.getCode());
      copy.setData(d.getData() == null ? null : gson.fromJson(gson.toJson(d.getData()), JsonElement.class));
      return copy;
    }).toList();
  }

  private static String applied(String text, CodeAction a) {
    TextEdit e = a.getEdit().getChanges().get(URI).get(0);
    String[] lines = text.split("\n", -1);
    String line = lines[e.getRange().getStart().getLine()];
    lines[e.getRange().getStart().getLine()] = line.substring(0, e.getRange().getStart().getCharacter()) + e.getNewText()
        + line.substring(e.getRange().getEnd().getCharacter());
    return String.join("\n", lines);
  }

  @Test
  void aDidYouMeanDiagnosticHasAQuickFixThatWritesTheKeyItNames() {
    ConfigFixtures.votingWorkspace(ws);
    String text = "services:\n  vote:\n    dockerfil: Dockerfile.dev\n";
    List<Diagnostic> diagnostics = roundTripped(text);
    assertThat(diagnostics).singleElement().extracting(d -> d.getMessage().getLeft()).asString().contains("did you mean 'dockerfile'?");

    List<CodeAction> actions = ConfigAssert.SERVICE.quickFixes(URI, diagnostics);

    assertThat(actions).singleElement().satisfies(a -> {
      assertThat(a.getTitle()).isEqualTo("Change to 'dockerfile'");
      assertThat(a.getKind()).isEqualTo(CodeActionKind.QuickFix);
      assertThat(a.getIsPreferred()).isTrue();
      assertThat(a.getDiagnostics()).containsExactlyElementsOf(diagnostics);
      assertThat(applied(text, a)).isEqualTo("services:\n  vote:\n    dockerfile: Dockerfile.dev\n");
    });
    assertThat(ConfigAssert.SERVICE.diagnose(ws, applied(text, actions.get(0)))).as("fixed").isEmpty();
  }

  @Test
  void anUnknownRuntimeOffersEachRuntimeInPlaceOfTheValue() {
    ConfigFixtures.votingWorkspace(ws);
    String text = "services:\n  vote:\n    debug: { runtime: go }\n";
    List<CodeAction> actions = ConfigAssert.SERVICE.quickFixes(URI, roundTripped(text));
    assertThat(actions).extracting(CodeAction::getTitle).containsExactly("Change to 'python'", "Change to 'java'", "Change to 'node'");
    assertThat(applied(text, actions.get(0))).isEqualTo("services:\n  vote:\n    debug: { runtime: python }\n");
  }

  @Test
  void diagnosticsWithoutAKnownFixAndOtherSourcesGetNone() {
    ConfigFixtures.votingWorkspace(ws);
    assertThat(ConfigAssert.SERVICE.quickFixes(URI, roundTripped("services:\n  vote:\n    context: gone\n"))).isEmpty();
    Diagnostic foreign = new Diagnostic(ConfigAssert.r(0, 0, 0, 1), "x", null, "yaml");
    foreign.setData(new Gson().toJsonTree(java.util.Map.of("fixes", List.of("y"))));
    assertThat(ConfigAssert.SERVICE.quickFixes(URI, List.of(foreign))).isEmpty();
  }
}
