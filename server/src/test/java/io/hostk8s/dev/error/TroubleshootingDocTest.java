package io.hostk8s.dev.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md lists every error code with its name (so users can look up any error they see). */
class TroubleshootingDocTest {
  static Path repo() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("docs"))) {
      p = p.getParent();
    }
    return p;
  }

  @Test
  void everyErrorCodeIsDocumented() throws Exception {
    String doc = Files.readString(repo().resolve("docs/troubleshooting.md"));
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(doc).as("docs/troubleshooting.md row for " + code).contains("| " + code.code() + " | " + code.name() + " |");
    }
  }

  @Test
  void codesAreUnique() {
    assertThat(java.util.Arrays.stream(ErrorCode.values()).map(ErrorCode::code).distinct().count()).isEqualTo(ErrorCode.values().length);
  }
}
