package io.hostk8s.dev.sync;

import static io.hostk8s.dev.sync.SyncFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.build.DockerIgnore;
import io.hostk8s.dev.status.SyncStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session end to end with the real container scripts run by the local sh into a temp "pod" directory. */
class SyncSessionTest {
  @TempDir
  Path tmp;
  SyncSession session;
  final List<BatchReport> reports = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
  }

  SyncSession start(Path src, Path pod, PodExec exec, List<String> ignore) throws Exception {
    IgnoreModel model = IgnoreModel.of(DockerIgnore.parse(List.of("Dockerfile*")), ".", ignore, "ctx/.dockerignore", "c");
    SyncSource source = new SyncSource(0, src, pod.toString(), model);
    PodFinder finder = new PodFinder() {
      @Override
      public List<PodRef> find() {
        return List.of(new PodRef("ns", "pod-1", "uid-1", "c"));
      }

      @Override
      public String describe() {
        return "the temp pod";
      }
    };
    session = new SyncSession("svc", List.of(source), finder, exec, null, new SyncSession.Listener() {
      @Override
      public void onBatch(BatchReport report) {
        reports.add(report);
      }

      @Override
      public void onStatus(SyncStatus status) {}
    }, SyncSession.Options.DEFAULT);
    assertThat(session.start(Duration.ofSeconds(30)).state()).isEqualTo("watching");
    return session;
  }

  @Test
  void startReconcilesThenSavesDeletesAndRenamesAreMirrored() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path pod = Files.createDirectories(tmp.resolve("pod"));
    Files.writeString(src.resolve("app.py"), "v1");
    Files.createDirectories(src.resolve("pkg"));
    Files.writeString(src.resolve("pkg/mod.py"), "m");
    Files.writeString(src.resolve("Dockerfile.dev"), "local");
    Files.writeString(pod.resolve("stale.py"), "from the image");
    Files.writeString(pod.resolve("Dockerfile.dev"), "image");
    Files.createDirectories(pod.resolve("node_modules/x"));
    Files.writeString(pod.resolve("node_modules/x/i.js"), "dep");
    Files.writeString(pod.resolve("pkg-same.py"), "same");
    Files.writeString(src.resolve("pkg-same.py"), "same");
    start(src, pod, new LocalShellExec(), List.of("node_modules/"));

    assertThat(Files.readString(pod.resolve("app.py"))).isEqualTo("v1");
    assertThat(Files.readString(pod.resolve("pkg/mod.py"))).isEqualTo("m");
    assertThat(pod.resolve("stale.py")).as("not local, not ignored: deleted").doesNotExist();
    assertThat(Files.readString(pod.resolve("Dockerfile.dev"))).as("ignored: untouched").isEqualTo("image");
    assertThat(pod.resolve("node_modules/x/i.js")).as("ignored dir: untouched").exists();
    assertThat(reports).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo("reconcile");
      assertThat(r.files()).as("pkg-same.py had the same hash").isEqualTo(2);
      assertThat(r.deletes()).isEqualTo(1);
    });

    Files.writeString(src.resolve("app.py"), "v2");
    assertThat(await(() -> read(pod.resolve("app.py")).equals("v2"), Duration.ofSeconds(10))).isTrue();
    Files.move(src.resolve("pkg/mod.py"), src.resolve("pkg/renamed.py"));
    assertThat(await(() -> !Files.exists(pod.resolve("pkg/mod.py")) && read(pod.resolve("pkg/renamed.py")).equals("m"), Duration.ofSeconds(10))).isTrue();
    Files.delete(src.resolve("pkg/renamed.py"));
    Files.delete(src.resolve("pkg"));
    assertThat(await(() -> !Files.exists(pod.resolve("pkg")), Duration.ofSeconds(10))).isTrue();
    assertThat(reports.get(reports.size() - 1).reason()).isEqualTo("watch");
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "";
    }
  }
}
