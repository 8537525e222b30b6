package io.hostk8s.dev.build;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.command.CommandArgs;
import io.hostk8s.dev.command.CommandContext;
import io.hostk8s.dev.command.Commands;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.protocol.commands.args.BuildArgs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hostk8s.build} for real: the vote service's own source (voting-app/vote copied into a workspace) built through
 * {@code podman system service} with docker-java and pushed to a real docker-registry, then read back from it. Vote's
 * Dockerfile.dev needs python:3.12-slim and PyPI, neither reachable here, so the service is configured with a test
 * Dockerfile on the local Debian base that copies the same context. Fails under CI=true without podman or the registry.
 */
class BuildCommandPodmanTest {
  @TempDir static Path shared;
  private static LocalRegistry registry;
  private static PodmanEngine podman;

  @TempDir Path root;

  @BeforeAll
  static void start() throws Exception {
    registry = LocalRegistry.start(shared.resolve("registry"));
    podman = PodmanEngine.start(shared.resolve("podman"), registry.address());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (podman != null) {
      podman.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private Workspace voteWorkspace() throws IOException {
    Path repo = Path.of(System.getProperty("user.dir")).resolve("..").normalize();
    copyTree(repo.resolve("voting-app/vote"), root.resolve("voting-app/vote"));
    Files.writeString(root.resolve("voting-app/vote/Dockerfile.hostk8s-test"), """
        FROM %s
        WORKDIR /usr/local/app
        COPY . .
        RUN test -f app.py && test -f templates/index.html
        CMD ["sh", "/usr/local/app/dev-entrypoint.sh"]
        """.formatted(podman.baseImage()));
    Files.createDirectories(root.resolve("redis"));
    Files.writeString(root.resolve("hostk8s.dev.yaml"), """
        registry: { push: "%s", pull: "localhost:5000" }
        services:
          vote: { dockerfile: Dockerfile.hostk8s-test }
          worker: null
          result: null
          redis: { context: redis }
        """.formatted(registry.address()));
    return new Workspace(root, podman.env(), null);
  }

  private static BuildReport build(EngineServices engine, BuildArgs args, RecordingProgress progress) throws Exception {
    return (BuildReport) Commands.standard(engine.processes()).get(CommandIds.BUILD)
        .run(new CommandContext(engine, CommandArgs.of(args), progress));
  }

  @Test
  void buildsAndPushesVoteSkipsAServiceWithoutABuildAndKeepsAnUnchangedImage() throws Exception {
    Workspace ws = voteWorkspace();
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    try (EngineServices engine = new EngineServices(ws, new EngineInfo("owner", "test", ProcessHandle.current().pid(), root.toString()),
        (spec, lines, p) -> {
          throw new IllegalStateException("build runs no processes");
        })) {
      engine.events().subscribe(events::add);
      RecordingProgress progress = new RecordingProgress();
      long t = System.nanoTime();
      BuildReport first = build(engine, new BuildArgs(null, null), progress);
      System.out.printf("hostk8s.build vote through podman + push: %d ms%n", (System.nanoTime() - t) / 1_000_000);

      assertThat(first.images()).singleElement().satisfies(i -> {
        assertThat(i.service()).isEqualTo("vote");
        assertThat(i.image()).startsWith("localhost:5000/hostk8s-vote:dev-");
        assertThat(i.pushRef()).isEqualTo(registry.address() + "/hostk8s-vote:" + tag(i.image()));
        assertThat(i.cached()).isFalse();
        assertThat(i.pushed()).isTrue();
        assertThat(i.where()).isEqualTo("built and pushed to " + registry.address());
      });
      String tag = tag(first.images().get(0).image());
      assertThat(registry.manifest("hostk8s-vote", tag)).as("GET /v2/hostk8s-vote/manifests/" + tag).isNotNull();
      assertThat(first.skipped()).containsExactly("redis: skipped — no pom.xml and no Dockerfile in redis");
      assertThat(first.summary()).isEqualTo("1 image (vote) for " + registry.address() + ": 1 built, 1 pushed, 0 unchanged; "
          + "skipped 1 without a build");
      assertThat(first.target()).isEqualTo("cluster");
      assertThat(first.note()).isNull();
      assertThat(progress.reports).contains("vote (1/1)").anyMatch(r -> r.startsWith("vote: " + registry.address() + "/hostk8s-vote:"));
      assertThat(events).singleElement().satisfies(e -> {
        assertThat(e.type()).isEqualTo("build.image");
        assertThat(e.service()).isEqualTo("vote");
        assertThat(e.message()).contains(first.images().get(0).image());
      });

      BuildReport again = build(engine, new BuildArgs("vote", null), new RecordingProgress());
      assertThat(again.images()).singleElement().satisfies(i -> {
        assertThat(i.image()).isEqualTo(first.images().get(0).image());
        assertThat(i.cached()).isTrue();
        assertThat(i.pushed()).isFalse();
        assertThat(i.where()).isEqualTo("unchanged: " + registry.address() + " already has it");
      });
      assertThat(again.summary()).endsWith(": 0 built, 0 pushed, 1 unchanged");
    }
  }

  @Test
  void noPushBuildsAChangedVoteIntoTheDaemonAndLeavesTheRegistryAlone() throws Exception {
    Workspace ws = voteWorkspace();
    Files.writeString(root.resolve("voting-app/vote/app.py"), "\n# changed for the no-push build\n", StandardOpenOption.APPEND);
    try (EngineServices engine = new EngineServices(ws, new EngineInfo("owner", "test", ProcessHandle.current().pid(), root.toString()),
        (spec, lines, p) -> {
          throw new IllegalStateException("build runs no processes");
        })) {
      BuildReport report = build(engine, new BuildArgs("vote", true), new RecordingProgress());
      BuildReport.Image image = report.images().get(0);
      assertThat(report.push()).isFalse();
      assertThat(image.pushed()).isFalse();
      assertThat(image.where()).isIn("built into the Docker daemon (not pushed)", "unchanged: already in the Docker daemon (not pushed)");
      assertThat(registry.manifest("hostk8s-vote", tag(image.image()))).as("not in the registry").isNull();
      assertThat(podman.podman("image", "inspect", "--format", "{{.Id}}", image.pushRef()).strip()).as("in podman's store").matches("[0-9a-f]{64}");
      assertThat(report.summary()).isEqualTo("1 image (vote), not pushed: " + (image.cached() ? "0 built, 1" : "1 built, 0") + " unchanged");
    }
  }

  private static String tag(String ref) {
    return ref.substring(ref.lastIndexOf(':') + 1);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.toString().contains("__pycache__")) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
