package io.hostk8s.dev.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text-only problems (syntax, schema), table-driven. In the text, '\n' separates lines. Expected columns:
 * severity, code, line, column, endColumn, and a fragment of the message.
 */
class ConfigAnalyzerTest {
  @TempDir Path ws;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "unknown top-level key suggests nearest | namspace: x                                  | WARNING | 1105 | 0 | 0 | 8  | did you mean 'namespace'?",
      "unknown service key suggests nearest   | services:\\n  vote:\\n    contxt: x           | WARNING | 1105 | 2 | 4 | 10 | did you mean 'context'?",
      "unknown key far from all lists keys    | cluster:\\n  zzzzzzzzzz: 1                 | WARNING | 1105 | 1 | 2 | 12 | valid keys: name, kubeconfig",
      "unknown debug runtime                  | services:\\n  vote:\\n    debug: { runtime: ruby } | ERROR | 1110 | 2 | 22 | 26 | Unknown debug runtime 'ruby'",
      "wrong type                             | services:\\n  vote:\\n    debug:\\n      port: high | ERROR | 1100 | 3 | 12 | 16 | integer expected",
      "port out of range                      | services:\\n  vote:\\n    debug: { port: 70000 } | ERROR | 1100 | 2 | 19 | 24 | services.vote.debug.port",
      "sync target must be absolute           | services:\\n  vote:\\n    sync:\\n      - to: app | ERROR | 1100 | 3 | 12 | 15 | services.vote.sync[0].to",
      "sync rule needs a target               | services:\\n  vote:\\n    sync:\\n      - from: . | ERROR | 1100 | 3 | 8  | 9  | to",
      "root must be a mapping                 | just text                                    | ERROR | 1100 | 0 | 0 | 9  | object expected",
      "second YAML document is ignored        | namespace: a\\n---\\nnamespace: b               | WARNING | 1100 | 2 | 0 | 0  | Only the first YAML document",
      "service name must be a DNS label       | services:\\n  Vote_1: null                   | ERROR | 1100 | 1 | 2 | 8  | name is not valid",
      "duplicate key                          | namespace: a\\nnamespace: b                  | WARNING | 1113 | 1 | 0 | 9  | Duplicate key 'namespace'",
      "broken flow mapping ends at the end    | services:\\n  vote: { context: x            | ERROR | 1104 | 1 | 20 | 21 | Invalid YAML",
      "tab indentation                        | cluster:\\n\\tname: x                        | ERROR | 1104 | 1 | 0 | 1  | Invalid YAML",
  })
  void reportsOneProblem(String description, String text, Severity severity, int code, int line, int column, int endColumn,
      String fragment) {
    ConfigFixtures.votingWorkspace(ws);
    List<ConfigProblem> problems = ConfigAnalyzer.analyze(ws, text.replace("\\n", "\n").replace("\\t", "\t")).problems();
    assertThat(problems).as(problems.toString()).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(severity);
      assertThat(p.code().code()).isEqualTo(code);
      assertThat(List.of(p.line(), p.column(), p.endColumn())).isEqualTo(List.of(line, column, endColumn));
      assertThat(p.message()).contains(fragment);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "empty file                 | ``",
      "only a comment             | # nothing yet",
      "explicit nulls             | services:\\n  worker: null\\n  vote:\\n    debug: null",
      "half-typed key is a scalar | namespace: sample-app",
  })
  void acceptsValidFiles(String description, String text) {
    ConfigFixtures.votingWorkspace(ws);
    assertThat(ConfigAnalyzer.analyze(ws, text.replace("\\n", "\n")).problems()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void everySchemaPropertyHasADescription() {
    List<String> missing = new java.util.ArrayList<>();
    collect(ConfigSchema.get().document(), "", missing);
    assertThat(missing).isEmpty();
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node, String where, List<String> missing) {
    node.path("properties").properties().forEach(e -> {
      if (!e.getValue().has("description") && !e.getValue().has("$ref")) {
        missing.add(where + "." + e.getKey());
      }
      collect(e.getValue(), where + "." + e.getKey(), missing);
    });
    node.path("definitions").properties().forEach(e -> collect(e.getValue(), "#" + e.getKey(), missing));
    if (node.path("additionalProperties").isObject()) {
      collect(node.path("additionalProperties"), where + ".*", missing);
    }
    if (node.path("items").isObject()) {
      collect(node.path("items"), where + "[]", missing);
    }
  }
}
