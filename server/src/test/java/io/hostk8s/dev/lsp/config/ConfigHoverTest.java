package io.hostk8s.dev.lsp.config;

import static io.hostk8s.dev.lsp.config.ConfigAssert.hover;
import static io.hostk8s.dev.lsp.config.ConfigAssert.hoverText;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.MarkupKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigHoverTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
      "top-level key             ; servi|ces:\\n  vote: {}                                  ; The app's services by name",
      "key in a flow mapping     ; services:\\n  vote:\\n    debug: { runt|ime: python }       ; Language runtime of the service",
      "enum values are listed    ; services:\\n  vote:\\n    debug: { runtime: pyt|hon }       ; Allowed: `python` | `java` | `node`",
      "value hovers as its key   ; namespace: sample-a|pp                                  ; Kubernetes namespace",
      "default is shown          ; cluster:\\n  na|me: dev                                  ; Default: `hostk8s`",
      "service name              ; services:\\n  vo|te:\\n    image: x                       ; One service",
      "sync item key             ; services:\\n  vote:\\n    sync:\\n      - fr|om: .           ; relative to the service `context`",
      "broken file still hovers  ; services:\\n  vote:\\n    image: [\\n    contai|ner: x     ; Container in the pod",
  })
  void showsTheSchemaDescription(String description, String text, String fragment) {
    assertThat(hoverText(text.replace("\\n", "\n"))).contains(fragment);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "unknown key       ; fo|o: 1",
      "blank line        ; namespace: x\\n|",
      "comment           ; # serv|ices",
      "indentation       ; services:\\n | vote: {}",
  })
  void nothingWhereTheSchemaSaysNothing(String description, String text) {
    assertThat(hover(text.replace("\\n", "\n"))).isEmpty();
  }

  @Test
  void dockerfileHoverGivesOneDefaultTheSameAsTheCodes() {
    String text = hoverText("services:\n  vote:\n    dockerf|ile: x");
    assertThat(text.split("Default", -1)).as(text).hasSize(2);
    assertThat(text).contains("`Dockerfile.dev` for vote and result, `Dockerfile` otherwise");
    assertThat(io.hostk8s.dev.config.Defaults.votingApp().services().get("vote").dockerfile()).isEqualTo("Dockerfile.dev");
    assertThat(io.hostk8s.dev.config.Defaults.votingApp().services().get("worker").dockerfile()).isEqualTo("Dockerfile");
  }

  @Test
  void hoverIsMarkdownOverTheKey() {
    assertThat(hover("cluster:\n  na|me: dev")).hasValueSatisfying(h -> {
      assertThat(h.getContents().getRight().getKind()).isEqualTo(MarkupKind.MARKDOWN);
      assertThat(h.getContents().getRight().getValue()).startsWith("**name** (string)");
      assertThat(h.getRange()).isEqualTo(ConfigAssert.r(1, 2, 1, 6));
    });
  }
}
