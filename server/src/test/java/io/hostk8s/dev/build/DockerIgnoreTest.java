package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerIgnoreTest {
  private static DockerIgnore rules(String... lines) {
    return DockerIgnore.parse(List.of(lines));
  }

  @Test
  void patternsAreRootRelativeAndCoverEverythingBelowAMatchedDirectory() {
    DockerIgnore ignore = rules("node_modules/", "/build", "*.log");
    assertThat(ignore.excludes("node_modules")).isTrue();
    assertThat(ignore.excludes("node_modules/a/b.js")).isTrue();
    assertThat(ignore.excludes("build/x")).isTrue();
    assertThat(ignore.excludes("app.log")).isTrue();
    assertThat(ignore.excludes("sub/app.log")).as("*.log only matches at the root, as in Docker").isFalse();
    assertThat(ignore.excludes("sub/node_modules/x")).isFalse();
    assertThat(ignore.excludes("src/app.js")).isFalse();
  }

  @Test
  void doubleStarSpansDirectoriesAndStarStaysInOneSegment() {
    DockerIgnore ignore = rules("**/*.pyc", "docs/*/tmp", "**/cache");
    assertThat(ignore.excludes("a.pyc")).isTrue();
    assertThat(ignore.excludes("pkg/sub/a.pyc")).isTrue();
    assertThat(ignore.excludes("docs/x/tmp")).isTrue();
    assertThat(ignore.excludes("docs/x/y/tmp")).isFalse();
    assertThat(ignore.excludes("cache/f")).isTrue();
    assertThat(ignore.excludes("deep/er/cache/f")).isTrue();
    assertThat(ignore.excludes("a.py")).isFalse();
  }

  @Test
  void exceptionsReincludeAndTheLastMatchWins() {
    DockerIgnore ignore = rules("*.md", "!README.md", "docs", "!docs/keep.txt", "# a comment", "", "  ");
    assertThat(ignore.excludes("CHANGES.md")).isTrue();
    assertThat(ignore.excludes("README.md")).isFalse();
    assertThat(ignore.excludes("docs/other.txt")).isTrue();
    assertThat(ignore.excludes("docs/keep.txt")).isFalse();
    assertThat(ignore.hasExceptions()).isTrue();
    assertThat(rules("!README.md", "*.md").excludes("README.md")).as("a later exclusion wins").isTrue();
  }

  @Test
  void questionMarkCharacterClassesAndCleaning() {
    DockerIgnore ignore = rules("file?.txt", "[ab].c", "./x/../y/", "a\\*b");
    assertThat(ignore.excludes("file1.txt")).isTrue();
    assertThat(ignore.excludes("file12.txt")).isFalse();
    assertThat(ignore.excludes("a.c")).isTrue();
    assertThat(ignore.excludes("c.c")).isFalse();
    assertThat(ignore.excludes("y/z")).isTrue();
    assertThat(ignore.excludes("a*b")).isTrue();
    assertThat(ignore.excludes("axb")).isFalse();
    assertThat(rules("a.b").excludes("axb")).as("dots are literal").isFalse();
  }
}
