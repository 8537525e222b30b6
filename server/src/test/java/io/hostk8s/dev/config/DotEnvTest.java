package io.hostk8s.dev.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DotEnvTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain value                 | CLUSTER_NAME=dev                  | dev",
      "spaces around key and value |   CLUSTER_NAME  =   dev           | dev",
      "double quotes stripped      | CLUSTER_NAME=\"dev\"              | dev",
      "single quotes stripped      | CLUSTER_NAME='dev'                | dev",
      "mixed quote runs stripped   | CLUSTER_NAME='\"dev\"'            | dev",
      "inline comment dropped      | CLUSTER_NAME=dev # my cluster     | dev",
      "hash inside quotes cuts too | CLUSTER_NAME=\"a#b\"              | a",
      "only first = splits         | CLUSTER_NAME=a=b                  | a=b",
      "inner spaces kept           | CLUSTER_NAME=\"my dev\"           | my dev",
      "empty value                 | CLUSTER_NAME=                     | ``",
      "comment only value          | CLUSTER_NAME=#x                   | ``",
  })
  void parsesLikeHostK8sLoadEnvFile(String description, String line, String expected) {
    assertThat(DotEnv.parse(List.of(line))).containsEntry("CLUSTER_NAME", expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "comment line          | # CLUSTER_NAME=dev",
      "indented comment line |    # CLUSTER_NAME=dev",
      "no equals sign        | CLUSTER_NAME dev",
      "blank line            | '   '",
  })
  void skipsLinesThatAreNotAssignments(String description, String line) {
    assertThat(DotEnv.parse(List.of(line))).isEmpty();
  }

  @Test
  void exportPrefixIsPartOfTheKeySoTheVariableIsNotSet() {
    assertThat(DotEnv.parse(List.of("export CLUSTER_NAME=dev"))).containsOnlyKeys("export CLUSTER_NAME");
  }

  @Test
  void firstOccurrenceOfARepeatedKeyWins() {
    assertThat(DotEnv.parse(List.of("CLUSTER_NAME=first", "CLUSTER_NAME=second"))).containsEntry("CLUSTER_NAME", "first");
  }

  @Test
  void missingFileIsEmpty(@TempDir Path dir) throws Exception {
    assertThat(DotEnv.read(dir.resolve(".env"))).isEmpty();
  }

  @Test
  void readsCrlfFile(@TempDir Path dir) throws Exception {
    Path file = ConfigFixtures.write(dir, ".env", "CLUSTER_NAME=dev\r\nREGISTRY_URL=localhost:5999 # local\r\n");
    assertThat(DotEnv.read(file)).isEqualTo(Map.of("CLUSTER_NAME", "dev", "REGISTRY_URL", "localhost:5999"));
  }
}
