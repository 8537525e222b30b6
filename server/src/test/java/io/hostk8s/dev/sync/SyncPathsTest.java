package io.hostk8s.dev.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncPathsTest {
  @TempDir
  Path tmp;

  @Test
  void relativePathsStayInsideTheSource() {
    Path root = tmp.resolve("ctx");
    assertThat(SyncPaths.relative(root, root.resolve("a/b.py")).path()).isEqualTo("a/b.py");
    assertThat(SyncPaths.relative(root, root.resolve("../etc/passwd")).ok()).isFalse();
    assertThat(SyncPaths.relative(root, root.resolve("a/../../x")).ok()).isFalse();
    assertThat(SyncPaths.relative(root, root).ok()).as("the root itself").isFalse();
    assertThat(SyncPaths.relative(root, tmp.resolve("ctx2/a")).ok()).as("a sibling with the same prefix").isFalse();
    assertThat(SyncPaths.relative(root, root.resolve("bad\nname")).refusal()).contains("newline");
  }

  @Test
  void relativeArgumentsAreChecked() {
    assertThat(SyncPaths.checkRelative("a/b")).isEmpty();
    assertThat(SyncPaths.checkRelative("/etc/passwd")).contains("absolute path");
    assertThat(SyncPaths.checkRelative("a/../../b")).contains("'..' leaves the target");
    assertThat(SyncPaths.checkRelative("..")).isPresent();
    assertThat(SyncPaths.checkRelative("a//b")).isPresent();
    assertThat(SyncPaths.checkRelative("a\\..\\b")).isPresent();
    assertThat(SyncPaths.checkRelative("")).isPresent();
  }

  @Test
  void targetsMustBePlainAbsoluteDirectoriesOtherThanRoot() {
    assertThat(SyncPaths.checkTarget("/usr/local/app")).isEmpty();
    assertThat(SyncPaths.checkTarget("/usr/local/app/")).isEmpty();
    assertThat(SyncPaths.checkTarget("/")).get().asString().contains("root directory");
    assertThat(SyncPaths.checkTarget("//")).isPresent();
    assertThat(SyncPaths.checkTarget("app")).isPresent();
    assertThat(SyncPaths.checkTarget("/usr/../etc")).isPresent();
    assertThat(SyncPaths.target("/usr/local/app/", "static/x.css")).isEqualTo("/usr/local/app/static/x.css");
    assertThatThrownBy(() -> SyncPaths.target("/usr/local/app", "../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyncPaths.target("/", "etc/passwd")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void symlinksAreFollowedOnlyInsideTheSource() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("ctx"));
    Files.writeString(root.resolve("real.py"), "x");
    Files.writeString(tmp.resolve("secret"), "s");
    Files.createSymbolicLink(root.resolve("inside.py"), root.resolve("real.py"));
    Files.createSymbolicLink(root.resolve("outside"), tmp.resolve("secret"));
    Files.createSymbolicLink(root.resolve("relative-out"), Path.of("../secret"));
    Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nope"));
    assertThat(SyncPaths.readable(root, root.resolve("real.py"), "real.py").ok()).isTrue();
    assertThat(SyncPaths.readable(root, root.resolve("inside.py"), "inside.py").ok()).isTrue();
    assertThat(SyncPaths.readable(root, root.resolve("outside"), "outside").refusal()).contains("outside the sync source");
    assertThat(SyncPaths.readable(root, root.resolve("relative-out"), "relative-out").ok()).isFalse();
    assertThat(SyncPaths.readable(root, root.resolve("dangling"), "dangling").refusal()).contains("dangling");
  }
}
