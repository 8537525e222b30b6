package io.hostk8s.dev.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A host as the preflight sees it: a bin dir for PATH with chosen tools left out, and a workspace skeleton. */
final class FakeHost {

  /** What run-local.sh, the sandbox's mount script and the requirement checks call through PATH. */
  static final List<String> TOOLS = List.of("bash", "sh", "env", "dirname", "basename", "cat", "mkdir", "rm",
      "ls", "id", "sed", "awk", "grep", "find", "sort", "paste", "head", "tail", "cut", "tr", "date", "sleep",
      "chmod", "chown", "mktemp", "mount", "runuser", "setpriv", "setsid", "ps", "kill", "true", "false",
      "python3", "node", "java", "redis-server", "postgres", "initdb", "pg_isready");

  private FakeHost() {
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("hostk8s-fakehost-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A bin dir with a symlink for each of {@link #TOOLS} found on this JVM's PATH, except {@code without}. */
  static Path bin(Path dir, String... without) throws IOException {
    Files.createDirectories(dir);
    Set<String> skip = Set.of(without);
    for (String tool : TOOLS) {
      Path found = Tools.onPath(tool);
      if (!skip.contains(tool) && Files.exists(found)) {
        Files.createSymbolicLink(dir.resolve(tool), found.toAbsolutePath());
      }
    }
    return dir;
  }

  /** "Installs" {@code tool} into a bin dir made by {@link #bin}. */
  static void install(Path bin, String tool) throws IOException {
    Files.createSymbolicLink(bin.resolve(tool), Tools.onPath(tool).toAbsolutePath());
  }

  /** A workspace with result's node_modules and the worker jar in place (their content is not checked). */
  static Path workspace(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("voting-app/result/node_modules"));
    Files.createDirectories(dir.resolve("voting-app/worker/target"));
    Files.writeString(dir.resolve("voting-app/worker/target/hostk8s-worker.jar"), "");
    return dir;
  }

  /** The tools the voting app's checks need on this machine (CI=true: fail when missing, else skip). */
  static void requireRuntimes() {
    Tools.require(Tools.onPath("node"), Tools.onPath("java"), Tools.onPath("redis-server"),
        Path.of("/usr/bin/python3"), Path.of("/usr/lib/python3/dist-packages/flask"),
        Path.of("/usr/lib/python3/dist-packages/redis"), Path.of("/usr/lib/python3/dist-packages/debugpy"),
        Path.of("/usr/lib/python3/dist-packages/watchdog"), Path.of("/usr/lib/postgresql"));
  }
}
