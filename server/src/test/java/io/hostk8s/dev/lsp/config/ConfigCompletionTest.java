package io.hostk8s.dev.lsp.config;

import static io.hostk8s.dev.lsp.config.ConfigAssert.assertCompletion;
import static io.hostk8s.dev.lsp.config.ConfigAssert.cursor;
import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table: description | text ('|' = cursor, '\n' = newline) | expected labels (space separated, '-' = none). */
class ConfigCompletionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
      "empty file: all top-level keys           ; |                                                         ; cluster registry namespace services deploy cloud environments",
      "top level without keys already there     ; namespace: x\\n|\\ndeploy: {}                              ; cluster registry services cloud environments",
      "top level partial word                   ; ser|                                                      ; services",
      "inside a service                         ; services:\\n  vote:\\n    |                                 ; context dockerfile image selector container sync afterSync debug local",
      "inside a service, siblings excluded      ; services:\\n  vote:\\n    image: x\\n    |\\n    debug: {}  ; context dockerfile selector container sync afterSync local",
      "service names under services             ; services:\\n  vote:\\n    image: x\\n  |                     ; worker result",
      "after runtime: enum values               ; services:\\n  vote:\\n    debug:\\n      runtime: |          ; python java node",
      "after runtime: with a partial value      ; services:\\n  vote:\\n    debug:\\n      runtime: ja|        ; java",
      "runtime in a flow mapping                ; services:\\n  vote:\\n    debug: { runtime: |                 ; python java node",
      "keys in a flow mapping minus present     ; services:\\n  vote:\\n    debug: { port: 1, |                 ; runtime localPort remoteRoot",
      "debug keys of a new service              ; services:\\n  api:\\n    debug:\\n      |                     ; runtime port localPort remoteRoot",
      "sync item keys after the first key       ; services:\\n  vote:\\n    sync:\\n      - from: .\\n        |  ; to ignore",
      "sync item keys on the dash               ; services:\\n  vote:\\n    sync:\\n      - |                 ; from to ignore",
      "compact sequence item                    ; services:\\n  vote:\\n    sync:\\n    - to: /x\\n      |      ; from ignore",
      "value examples and default               ; cluster:\\n  name: |                                   ; hostk8s dev",
      "digitalocean keys                        ; cloud:\\n  digitalocean:\\n    region: fra1\\n    |            ; cluster nodeSize nodes version registry domain host acmeEmail acmeStaging alerts",
      "free-form selector has no key proposals  ; services:\\n  vote:\\n    selector:\\n      |                   ; -",
      "inside a comment                         ; # |                                                       ; -",
      "unknown section                          ; bogus:\\n  |                                              ; -",
  })
  void proposes(String description, String text, String expected) {
    String[] labels = expected.equals("-") ? new String[0] : expected.split(" ");
    assertCompletion(text.replace("\\n", "\n"), labels);
  }

  @Test
  void keyItemsCarryMarkdownDocumentationAndReplaceThePartialWord() {
    ConfigAssert.Cursor c = cursor("services:\n  vote:\n    deb|");
    CompletionItem debug = ConfigAssert.SERVICE.complete(c.text(), c.position()).getItems().get(0);
    assertThat(debug.getLabel()).isEqualTo("debug");
    assertThat(debug.getDocumentation().getRight().getValue()).contains("Debugger attachment");
    assertThat(debug.getTextEdit().getLeft().getRange()).isEqualTo(ConfigAssert.r(2, 4, 2, 7));
    assertThat(debug.getTextEdit().getLeft().getNewText()).isEqualTo("debug:");
  }

  @Test
  void scalarKeysInsertAColonAndSpace() {
    ConfigAssert.Cursor c = cursor("namesp|");
    assertThat(ConfigAssert.SERVICE.complete(c.text(), c.position()).getItems())
        .singleElement().satisfies(i -> assertThat(i.getTextEdit().getLeft().getNewText()).isEqualTo("namespace: "));
  }
}
