package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.testbed.Preflight.Missing;
import io.hostk8s.dev.testbed.kubelet.PodFiles;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import io.hostk8s.dev.testbed.recipes.Recipe;
import io.hostk8s.dev.testbed.recipes.Recipes;
import io.hostk8s.dev.testbed.recipes.Requirement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PreflightTest {

  /** Not a JUnit @TempDir: its clean-up warns about every symlink of the fake bin dirs. */
  private final Path tmp = FakeHost.tempDir();

  @AfterEach
  void cleanUp() {
    PodFiles.deleteTree(tmp);
  }

  @BeforeEach
  void runtimesPresent() {
    FakeHost.requireRuntimes();
  }

  @Test
  void aPathWithoutRedisServerListsExactlyRedisServerForRedisWithItsFixInUnderTwoSeconds() throws Exception {
    Path ws = FakeHost.workspace(tmp.resolve("ws"));
    Path bin = FakeHost.bin(tmp.resolve("bin"), "redis-server");

    long t0 = System.nanoTime();
    Preflight.Report report = Preflight.check(ws, Map.of("PATH", bin.toString()));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(report.missing())
        .containsExactly(new Missing("redis-server", List.of("redis"), "apt-get install -y redis-server"));
    assertThat(report.ok()).isFalse();
    assertThat(report.checks()).isEqualTo(7);
    assertThat(took).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void withEverythingInstalledThePreflightIsOk() throws Exception {
    Path ws = FakeHost.workspace(tmp.resolve("ws"));
    Preflight.Report report = Preflight.check(ws, Map.of("PATH", FakeHost.bin(tmp.resolve("bin")).toString()));
    assertThat(report.missing()).isEmpty();
    assertThat(report.ok()).isTrue();
  }

  @Test
  void modulesTheVotePythonCannotImportAreNamedOneByOneWithTheirDebianPackage() throws Exception {
    Path ws = FakeHost.workspace(tmp.resolve("ws"));
    Path shadow = Files.createDirectories(tmp.resolve("shadow")); // found before dist-packages
    Files.writeString(shadow.resolve("flask.py"), "raise ImportError('not installed')\n");
    Files.writeString(shadow.resolve("watchdog.py"), "raise ImportError('not installed')\n");
    Preflight.Report report = Preflight.check(ws,
        Map.of("PATH", FakeHost.bin(tmp.resolve("bin")).toString(), "PYTHONPATH", shadow.toString()));
    assertThat(report.missing()).containsExactly(
        new Missing("python module flask (for /usr/bin/python3)", List.of("vote"), "apt-get install -y python3-flask"),
        new Missing("python module watchdog (for /usr/bin/python3)", List.of("vote"),
            "apt-get install -y python3-watchdog"));
  }

  @Test
  void unbuiltArtifactsAndAMissingJavaNameTheirOwnFixes() throws Exception {
    Path bare = Files.createDirectories(tmp.resolve("bare"));
    Preflight.Report report = Preflight.check(bare, Map.of("PATH", FakeHost.bin(tmp.resolve("bin"), "java").toString()));
    assertThat(report.missing()).containsExactly(
        new Missing("voting-app/result/node_modules", List.of("result"), "cd voting-app/result && npm ci"),
        new Missing("java", List.of("worker"), "apt-get install -y openjdk-17-jre-headless"),
        new Missing("voting-app/worker/target/hostk8s-worker.jar", List.of("worker"),
            "mvn -q -B -pl voting-app/worker -am package -DskipTests"));
  }

  @Test
  void aPieceTwoRecipesNeedIsListedOnceWithBothServices() {
    Requirement.Check absent = host -> List.of(new Requirement.Unmet("tool-x", "apt-get install -y tool-x"));
    Recipes recipes = new Recipes().register("a", recipe(new Requirement("tool-x", "alpha", absent)))
        .register("b", recipe(new Requirement("tool-x", "beta", absent)));
    Preflight.Report report = Preflight.check(recipes, tmp, Map.of("PATH", "/nonexistent"));
    assertThat(report.missing())
        .containsExactly(new Missing("tool-x", List.of("alpha", "beta"), "apt-get install -y tool-x"));
  }

  @Test
  void theTextFormatHasOneLinePerMissingPieceThenTheOneFixAndExitCodeThree() throws Exception {
    Path ws = FakeHost.workspace(tmp.resolve("ws"));
    Path bin = FakeHost.bin(tmp.resolve("bin"), "redis-server");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = PreflightCli.run(ws, false, Map.of("PATH", bin.toString()),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(3);
    assertThat(buf.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "missing: redis-server — needed by redis; apt-get install -y redis-server", "fix: make setup");

    buf.reset();
    code = PreflightCli.run(ws, false, Map.of("PATH", FakeHost.bin(tmp.resolve("all")).toString()),
        new PrintStream(buf, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(buf.toString(StandardCharsets.UTF_8)).matches("preflight: ok \\(7 checks, \\d+ ms\\)\\R");
  }

  private static Recipe recipe(Requirement r) {
    return new Recipe() {
      @Override
      public Optional<LaunchPlan> plan(io.hostk8s.dev.testbed.recipes.RecipeContext ctx) {
        return Optional.empty();
      }

      @Override
      public List<Requirement> requirements() {
        return List.of(r);
      }
    };
  }
}
