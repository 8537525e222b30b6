package io.hostk8s.dev.cloud.publish.release;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.process.SystemProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseRecorderTest {
  private static final String R = "registry.example/hostk8s-";
  @TempDir
  Path dir;

  @Test
  void recordsWhatChangedSkipsAnUnchangedApplyAndARollbackReturnsToTheOneBefore() throws Exception {
    PublishStateStore store = new PublishStateStore(dir.resolve(".hostk8s"));
    ReleaseStore releases = new ReleaseStore(store);
    ReleaseRecorder recorder = new ReleaseRecorder(releases, new SystemProcessRunner(), dir);

    Release first = recorder.applied(Map.of("vote", R + "vote:a1", "result", R + "result:b1")).orElseThrow();
    assertThat(first.number()).isEqualTo(1);
    assertThat(first.changed()).containsExactly("result", "vote");
    assertThat(first.commit()).as("not a git repository").isNull();
    assertThat(recorder.applied(Map.of("vote", R + "vote:a1", "result", R + "result:b1"))).as("unchanged").isEmpty();

    Release second = recorder.applied(Map.of("vote", R + "vote:a2", "result", R + "result:b1")).orElseThrow();
    assertThat(second.number()).isEqualTo(2);
    assertThat(second.changed()).containsExactly("vote");
    assertThat(releases.load().previous()).contains(first);

    Release back = recorder.rolledBack(first).orElseThrow();
    assertThat(back.kind()).isEqualTo(Release.ROLLBACK);
    assertThat(back.rolledBack()).isEqualTo(1);
    assertThat(back.changed()).containsExactly("vote");
    assertThat(recorder.rolledBack(first)).as("run again: already the current images").isEmpty();
    assertThat(releases.load().releases()).extracting(Release::number).containsExactly(1, 2, 3);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(releases.file()))).isEqualTo("rw-------");

    store.save(PublishState.empty("http://x"));
    store.delete(store.load().orElseThrow());
    assertThat(releases.file()).as("teardown forgets the releases with the state").doesNotExist();
  }

  @Test
  void aGitWorkspaceRecordsItsCommitAndWhetherFilesDiffered() throws Exception {
    SystemProcessRunner git = new SystemProcessRunner();
    for (String[] c : new String[][] {{"git", "init", "-q"}, {"git", "-c", "user.email=t@t", "-c", "user.name=t", "commit",
        "-q", "--allow-empty", "-m", "x"}}) {
      assertThat(new ProcessBuilder(c).directory(dir.toFile()).inheritIO().start().waitFor()).isZero();
    }
    ReleaseRecorder recorder = new ReleaseRecorder(new ReleaseStore(new PublishStateStore(dir.resolve(".hostk8s"))), git, dir);
    assertThat(recorder.applied(Map.of("vote", R + "vote:a1")).orElseThrow().commit()).matches("[0-9a-f]{40}");
  }

  @Test
  void repositoryIgnoresTagAndDigestButNotARegistryPort() {
    assertThat(ReleaseRollout.repository("host:5000/r/hostk8s-vote:abc")).isEqualTo("host:5000/r/hostk8s-vote");
    assertThat(ReleaseRollout.repository("host:5000/r/hostk8s-vote@sha256:00")).isEqualTo("host:5000/r/hostk8s-vote");
    assertThat(ReleaseRollout.repository("host:5000/r/hostk8s-vote")).isEqualTo("host:5000/r/hostk8s-vote");
  }
}
