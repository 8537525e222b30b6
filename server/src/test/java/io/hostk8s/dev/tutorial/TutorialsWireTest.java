package io.hostk8s.dev.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.up.UpWireTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Level 400 and Level 500 tutorials run as a reader runs them: every command block not marked
 * {@code # not run here:}, in order, in a fresh copy of the repository's workspace (voting-app, the Makefile,
 * {@code ./hostk8s-dev} = the real jar) — Level 400 against one sandbox, Level 500 against the DigitalOcean stand-in.
 * Prints {@code N of M blocks executed} per tutorial.
 */
class TutorialsWireTest {
  @TempDir
  Path ws;

  @Test
  void level400RunsAgainstTheSandbox() throws Exception {
    run("development-workflows.md", "./hostk8s-dev sandbox down");
  }

  @Test
  void level500RunsAgainstTheDigitalOceanStandIn() throws Exception {
    run("digitalocean-deployment.md", "./hostk8s-dev publish teardown --yes; ./hostk8s-dev sandbox digitalocean down");
  }

  private void run(String file, String cleanUp) throws Exception {
    Path repo = UpWireTest.repo();
    TutorialDoc doc = TutorialDoc.parse(file, Files.readString(repo.resolve("docs/tutorials").resolve(file)));
    workspace(repo);
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"),
        "HOSTK8S_PYTHON", "/usr/bin/python3");
    long t = System.nanoTime();
    try (TutorialRunner runner = new TutorialRunner(ws, env)) {
      try {
        assertThat(runner.run(doc)).isEqualTo(doc.executable()).isPositive();
      } finally {
        runner.cleanUp(cleanUp);
      }
    }
    System.out.printf("%s: %d of %d blocks executed in %d s%n", file, doc.executable(), doc.blocks().size(),
        (System.nanoTime() - t) / 1_000_000_000);
  }

  /** The reader's clone, as far as the tutorials use it; symbolic links (node_modules in a worktree) are copied through. */
  private void workspace(Path repo) throws Exception {
    copyTree(repo.resolve("voting-app"), ws.resolve("voting-app"));
    Files.copy(repo.resolve("Makefile"), ws.resolve("Makefile"));
    Path cli = ws.resolve("hostk8s-dev");
    Files.writeString(cli, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar '" + ServerProcess.jar() + "' \"$@\"\n");
    assertThat(cli.toFile().setExecutable(true)).isTrue();
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> walk = Files.walk(from, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = from.relativize(p).toString();
        if (rel.matches("(.*/)?(target|__pycache__|\\.pytest_cache|\\.run-local)(/.*)?") && !rel.startsWith("worker/target")) {
          continue;
        }
        Path dest = to.resolve(rel);
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
