package io.hostk8s.dev.lsp.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hostk8s.dev.config.ConfigFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 random truncations of a valid file (the state of a file while it is typed): no feature may throw, and
 * every truncation that is not valid YAML (judged by a plain Jackson YAML parse) must give a syntax diagnostic.
 * Calls the feature classes directly, bypassing the service's catch-all.
 */
class ConfigFuzzTest {
  @TempDir Path ws;

  @Test
  void truncatedFilesNeverThrowAndInvalidOnesAreDiagnosed() {
    ConfigFixtures.votingWorkspace(ws);
    String full = ConfigFixtures.fixture("full.hostk8s.dev.yaml");
    Random random = new Random(20261126L);
    YAMLMapper oracle = new YAMLMapper();
    int invalid = 0;
    for (int i = 0; i < 200; i++) {
      String text = full.substring(0, random.nextInt(full.length() + 1));
      boolean valid = parses(oracle, text);
      List<Diagnostic> diagnostics = new ConfigDiagnostics().diagnose(ws, text);
      if (!valid) {
        invalid++;
        assertThat(diagnostics).as("truncated at %d:%n%s", text.length(), text).anySatisfy(d -> assertThat(d.getCode().getRight()).isEqualTo(1104));
      } else {
        assertThat(diagnostics).as(text).noneSatisfy(d -> assertThat(d.getCode().getRight()).isEqualTo(1104));
      }
      String[] lines = text.split("\n", -1);
      int line = random.nextInt(lines.length);
      Position pos = new Position(line, random.nextInt(lines[line].length() + 1));
      Position end = new Position(lines.length - 1, lines[lines.length - 1].length());
      for (Position p : new Position[] {pos, end}) {
        assertThat(new ConfigCompletion().complete(text, p)).isNotNull();
        assertThat(new ConfigHover().hover(text, p)).isNotNull();
      }
      assertThat(new ConfigCodeLenses().codeLenses(text)).isNotNull();
    }
    assertThat(invalid).as("the sample must contain invalid YAML").isGreaterThan(10);
  }

  private static boolean parses(YAMLMapper mapper, String text) {
    try {
      mapper.readTree(text);
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
