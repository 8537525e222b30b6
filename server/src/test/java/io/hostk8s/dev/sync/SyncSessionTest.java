package io.hostk8s.dev.sync;

import static io.hostk8s.dev.sync.SyncFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.build.DockerIgnore;
import io.hostk8s.dev.protocol.SyncStatus;
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

  @Test
  void aContainerWithoutTarGetsAClearErrorWithTheFix() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("app.py"), "v1");
    Path pod = Files.createDirectories(tmp.resolve("pod"));
    PodExec noTools = (p, command, input, timeout) -> {
      // a container whose PATH has no tar (nor sha256sum): the real scripts, run by an sh that finds neither
      java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("env", "PATH=" + tmp.resolve("empty-bin"), "/bin/sh"));
      cmd.addAll(command.subList(1, command.size()));
      return new LocalShellExec().exec(p, cmd, input, timeout);
    };
    Files.createDirectories(tmp.resolve("empty-bin"));
    Files.createSymbolicLink(tmp.resolve("empty-bin/mkdir"), Path.of("/bin/mkdir"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> start(src, pod, noTools, List.of()))
        .isInstanceOfSatisfying(io.hostk8s.dev.error.HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(io.hostk8s.dev.error.ErrorCode.SYNC_TAR_MISSING);
          assertThat(e.getMessage()).contains("no tar").contains("pod ns/pod-1");
          assertThat(e.suggestions()).anyMatch(s -> s.contains("apt-get install -y tar") && s.contains("apk add"));
        });
    assertThat(pod.resolve("app.py")).doesNotExist();
    session = null;
  }

  @Test
  void pathsThatLeaveTheSourceAreRefusedAndNothingIsWrittenOutsideTheTarget() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path pod = Files.createDirectories(tmp.resolve("pod"));
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.writeString(src.resolve("ok.py"), "ok");
    Files.createSymbolicLink(src.resolve("leak.txt"), tmp.resolve("secret.txt"));
    Files.createSymbolicLink(src.resolve("alias.py"), src.resolve("ok.py"));
    // in the "pod": a symlinked directory pointing outside the target; deleting below it must not follow it
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("victim.txt"), "keep me");
    Files.createSymbolicLink(pod.resolve("linkdir"), outside);
    start(src, pod, new LocalShellExec(), List.of());
    assertThat(Files.readString(pod.resolve("ok.py"))).isEqualTo("ok");
    assertThat(Files.readString(pod.resolve("alias.py"))).as("a symlink inside the source is sent as its content").isEqualTo("ok");
    assertThat(pod.resolve("leak.txt")).as("a symlink out of the source is refused").doesNotExist();
    assertThat(reports.get(0).refused()).anyMatch(r -> r.startsWith("leak.txt: symlink pointing outside"));
    assertThat(outside.resolve("victim.txt")).exists();

    // a local file deleted whose pod path runs through the symlinked dir: the delete is not followed
    Files.createDirectories(src.resolve("linkdir"));
    Files.writeString(src.resolve("linkdir/victim.txt"), "local");
    assertThat(await(() -> read(pod.resolve("linkdir/victim.txt")).equals("local"), Duration.ofSeconds(10))).isTrue();
    assertThat(Files.isSymbolicLink(pod.resolve("linkdir"))).as("tar replaced the symlinked dir instead of writing through it").isFalse();
    assertThat(Files.readString(outside.resolve("victim.txt"))).isEqualTo("keep me");
  }

  @Test
  void theApplyScriptDeletesNothingThroughASymlinkedDirectory() throws Exception {
    Path pod = Files.createDirectories(tmp.resolve("pod"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("victim.txt"), "keep me");
    Files.createSymbolicLink(pod.resolve("linkdir"), outside);
    Files.writeString(pod.resolve("gone.txt"), "x");
    String header = "0 linkdir/victim.txt\n0 gone.txt\n0 ../escape\n.\n";
    BatchPlan empty = new BatchPlan("watch", List.of(), List.of(), List.of(), 0);
    IgnoreModel model = IgnoreModel.of(DockerIgnore.none(), ".", List.of(), "d", "c");
    try (TarBatchWriter.Batch batch = TarBatchWriter.prepare(empty, List.of(new SyncSource(0, tmp, pod.toString(), model)))) {
      PodExec.Result r = new LocalShellExec().exec(new PodRef("ns", "p", "u", "c"), RemoteScripts.applyCommand(null, 3, List.of(pod.toString())),
          out -> {
            out.write(header.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write((batch.tar().size() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            batch.tar().copyTo(out);
          }, Duration.ofSeconds(20));
      assertThat(r.exitCode()).as(r.stderr()).isZero();
    }
    assertThat(outside.resolve("victim.txt")).exists();
    assertThat(pod.resolve("gone.txt")).doesNotExist();
  }

  @Test
  void anAfterSyncActionRunsInTheSameExecAfterEachBatch() throws Exception {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path pod = Files.createDirectories(tmp.resolve("pod"));
    Path marker = tmp.resolve("hup-count");
    Files.writeString(src.resolve("app.py"), "v1");
    IgnoreModel model = IgnoreModel.of(DockerIgnore.none(), ".", List.of(), "d", "c");
    LocalShellExec exec = new LocalShellExec();
    session = new SyncSession("svc", List.of(new SyncSource(0, src, pod.toString(), model)), new PodFinder() {
      @Override
      public List<PodRef> find() {
        return List.of(new PodRef("ns", "pod-1", "uid-1", "c"));
      }

      @Override
      public String describe() {
        return "the temp pod";
      }
    }, exec, "echo x >> " + marker, new SyncSession.Listener() {
      @Override
      public void onBatch(BatchReport report) {
        reports.add(report);
      }

      @Override
      public void onStatus(SyncStatus status) {}
    }, SyncSession.Options.DEFAULT);
    session.start(Duration.ofSeconds(30));
    assertThat(Files.readString(marker)).isEqualTo("x\n");
    int execs = exec.execs.get();
    Files.writeString(src.resolve("app.py"), "v2");
    assertThat(await(() -> read(marker).equals("x\nx\n"), Duration.ofSeconds(10))).isTrue();
    assertThat(exec.execs.get() - execs).as("one exec for the batch, the action included").isEqualTo(1);
    assertThat(read(pod.resolve("app.py"))).isEqualTo("v2");
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (Exception e) {
      return "";
    }
  }
}
