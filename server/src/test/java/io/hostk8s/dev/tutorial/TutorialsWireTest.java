package io.hostk8s.dev.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.build.LocalRegistry;
import io.hostk8s.dev.build.PodmanEngine;
import io.hostk8s.dev.cloud.images.OfflineVotingApp;
import io.hostk8s.dev.lsp.ServerProcess;
import io.hostk8s.dev.up.UpWireTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
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
  @TempDir
  Path tools;

  /**
   * The reader has a Docker API and a registry from the start (see {@link #withBuilds}): part 5's {@code make
   * build-custom} runs in the engine that part 2's {@code dev} started, with that engine's environment. Vote's and
   * result's Dockerfile.dev are replaced by offline ones on the local Debian base.
   */
  @Test
  void level400RunsAgainstTheSandbox() throws Exception {
    withBuilds((podman, env) -> run("development-workflows.md", "./hostk8s-dev sandbox down",
        root -> OfflineVotingApp.offlineDevDockerfiles(root, podman.baseImage()), "./hostk8s-dev doctor", env));
  }

  /**
   * The reader follows along against the stand-in with a Docker API and a local registry from the start (see
   * {@link #withBuilds}; the stand-in's docker-credentials name that registry), vote's and result's Dockerfile.prod
   * replaced by offline ones and {@code HOSTK8S_BUILD_PULL=false} (nothing to pull from). The workspace's
   * {@code ./hostk8s-dev} honours {@code HOSTK8S_JAVA_OPTS} as the repository's script does (the tutorial sets Jib's
   * {@code sendCredentialsOverHttp} there: the stand-in's registry is plain HTTP on loopback).
   */
  @Test
  void level500RunsAgainstTheDigitalOceanStandIn() throws Exception {
    withBuilds((podman, env) -> {
      env.put("HOSTK8S_BUILD_PULL", "false");
      run("digitalocean-deployment.md", "./hostk8s-dev publish teardown --yes; ./hostk8s-dev sandbox digitalocean down; "
          + "./hostk8s-dev sandbox down", root -> OfflineVotingApp.offlineProdDockerfiles(root, podman.baseImage()),
          "sandbox digitalocean up", env);
    });
  }

  interface Prepare {
    void accept(Path root) throws Exception;
  }

  interface WithBuilds {
    void run(PodmanEngine podman, Map<String, String> env) throws Exception;
  }

  /**
   * Podman's Docker API on a private store and a docker-registry on a free port ({@code REGISTRY_URL}, as HostK8s's
   * .env sets it); the worker's Jib base is {@code scratch} (Docker Hub is out of reach) and {@code make}'s jar build
   * is a no-op {@code mvn} (the workspace's {@code ./hostk8s-dev} is the jar already built). Fails under CI=true
   * without podman or docker-registry.
   */
  private void withBuilds(WithBuilds body) throws Exception {
    try (LocalRegistry registry = LocalRegistry.start(tools.resolve("registry"));
         PodmanEngine podman = PodmanEngine.start(tools.resolve("podman"), registry.address())) {
      Path bin = Files.createDirectories(tools.resolve("bin"));
      Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nexit 0\n");
      assertThat(bin.resolve("mvn").toFile().setExecutable(true)).isTrue();
      Map<String, String> env = new HashMap<>(podman.env());
      env.remove("BASE_IMAGE");
      env.put("REGISTRY_URL", registry.address());
      env.put("HOSTK8S_JIB_BASE_IMAGE", "scratch");
      env.put("PATH", bin + ":" + System.getenv("PATH"));
      body.run(podman, env);
    }
  }

  private void run(String file, String cleanUp, Prepare prepare, String from, Map<String, String> later)
      throws Exception {
    Path repo = UpWireTest.repo();
    TutorialDoc doc = TutorialDoc.parse(file, Files.readString(repo.resolve("docs/tutorials").resolve(file)));
    workspace(repo);
    prepare.accept(ws);
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"),
        "HOSTK8S_PYTHON", "/usr/bin/python3");
    long t = System.nanoTime();
    try (TutorialRunner runner = new TutorialRunner(ws, env)) {
      runner.environmentFrom(from, later);
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
        + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${HOSTK8S_JAVA_OPTS:-} -jar '" + ServerProcess.jar() + "' \"$@\"\n");
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
