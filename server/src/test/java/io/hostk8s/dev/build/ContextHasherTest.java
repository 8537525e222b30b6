package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content tag: stable across runs and file order, changes exactly when an included file changes. */
class ContextHasherTest {
  @TempDir Path dir;
  private Path ctx;

  @BeforeEach
  void context() throws IOException {
    ctx = dir.resolve("ctx");
    write("Dockerfile", "FROM base\nCOPY . /app\n");
    write(".dockerignore", "*.log\nnode_modules/\n**/__pycache__\n");
    write("app.py", "print('hi')\n");
    write("pkg/util.py", "x = 1\n");
    write("pkg/__pycache__/util.pyc", "bytecode");
    write("node_modules/dep/index.js", "module.exports = 1\n");
    write("debug.log", "noise\n");
  }

  private void write(String rel, String content) throws IOException {
    Path p = ctx.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private String hash() throws IOException {
    return ContextHasher.hash(BuildContext.scan(ctx, "Dockerfile"), Map.of(), "linux/amd64");
  }

  @Test
  void stableAcrossScansAndIndependentOfCreationOrderAndTimestamps() throws IOException {
    String first = hash();
    assertThat(first).matches("[0-9a-f]{64}").isEqualTo(hash());
    assertThat(ContextHasher.tag(first)).isEqualTo("dev-" + first.substring(0, 12));

    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve("pkg"));
    Files.writeString(other.resolve("pkg/util.py"), "x = 1\n");
    Files.writeString(other.resolve("app.py"), "print('hi')\n");
    Files.writeString(other.resolve(".dockerignore"), "*.log\nnode_modules/\n**/__pycache__\n");
    Files.writeString(other.resolve("Dockerfile"), "FROM base\nCOPY . /app\n");
    Files.setLastModifiedTime(other.resolve("app.py"), java.nio.file.attribute.FileTime.fromMillis(0));
    assertThat(ContextHasher.hash(BuildContext.scan(other, "Dockerfile"), Map.of(), "linux/amd64"))
        .as("same content created in another order, other mtimes, no ignored files").isEqualTo(first);
  }

  @Test
  void changesWhenAnIncludedFileIsAddedModifiedRenamedOrMadeExecutable() throws IOException {
    String base = hash();
    write("new.py", "");
    String added = hash();
    assertThat(added).isNotEqualTo(base);
    Files.delete(ctx.resolve("new.py"));
    assertThat(hash()).as("back to the same content").isEqualTo(base);

    write("app.py", "print('hi!')\n");
    String modified = hash();
    assertThat(modified).isNotEqualTo(base);
    write("app.py", "print('hi')\n");
    assertThat(hash()).isEqualTo(base);

    Files.move(ctx.resolve("pkg/util.py"), ctx.resolve("pkg/utils.py"));
    assertThat(hash()).as("rename").isNotEqualTo(base);
    Files.move(ctx.resolve("pkg/utils.py"), ctx.resolve("pkg/util.py"));

    Files.setPosixFilePermissions(ctx.resolve("app.py"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(hash()).as("executable bit").isNotEqualTo(base);
    Files.setPosixFilePermissions(ctx.resolve("app.py"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(hash()).isEqualTo(base);

    write("Dockerfile", "FROM base\nCOPY . /srv\n");
    assertThat(hash()).as("Dockerfile content").isNotEqualTo(base);
  }

  @Test
  void ignoredFilesAndEmptyDirectoriesDoNotChangeIt() throws IOException {
    String base = hash();
    write("debug.log", "more noise\n");
    write("other.log", "x");
    write("node_modules/dep2/index.js", "y");
    write("pkg/__pycache__/more.pyc", "z");
    Files.createDirectories(ctx.resolve("empty/dir"));
    assertThat(hash()).isEqualTo(base);
  }

  @Test
  void platformBuildArgsAndDockerfileChoiceAreParts() throws IOException {
    BuildContext scanned = BuildContext.scan(ctx, "Dockerfile");
    String base = ContextHasher.hash(scanned, Map.of(), "linux/amd64");
    assertThat(ContextHasher.hash(scanned, Map.of(), "linux/arm64")).isNotEqualTo(base);
    assertThat(ContextHasher.hash(scanned, Map.of("A", "1"), "linux/amd64")).isNotEqualTo(base);
    assertThat(ContextHasher.hash(scanned, Map.of("A", "1", "B", "2"), "linux/amd64"))
        .isEqualTo(ContextHasher.hash(scanned, new java.util.TreeMap<>(Map.of("B", "2", "A", "1")), "linux/amd64"));
    write("Dockerfile.prod", "FROM base\nCOPY . /app\n");
    assertThat(ContextHasher.hash(BuildContext.scan(ctx, "Dockerfile.prod"), Map.of(), "linux/amd64"))
        .as("another Dockerfile with the same text").isNotEqualTo(ContextHasher.hash(BuildContext.scan(ctx, "Dockerfile"), Map.of(), "linux/amd64"));
  }

  @Test
  void dockerfileAndDockerignoreAreAlwaysInTheContextEvenWhenIgnored() throws IOException {
    write(".dockerignore", "Dockerfile*\n.dockerignore\n*.log\n");
    write("Dockerfile.dev", "FROM base\n");
    BuildContext scanned = BuildContext.scan(ctx, "Dockerfile.dev");
    assertThat(scanned.entries()).extracting(ContextEntry::path)
        .contains("Dockerfile.dev", ".dockerignore", "app.py", "pkg", "pkg/util.py")
        .doesNotContain("Dockerfile", "debug.log");
  }
}
