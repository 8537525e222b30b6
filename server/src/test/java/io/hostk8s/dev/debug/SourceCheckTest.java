package io.hostk8s.dev.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.protocol.EngineInfo;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source checks that cannot reach a pod end UNKNOWN with the reason (and are still published). */
class SourceCheckTest {
  @TempDir
  Path ws;

  EngineServices engine(Path kubeconfig, List<HostK8sEvent> events) {
    EngineServices e = new EngineServices(new Workspace(ws, Map.of(), kubeconfig),
        new EngineInfo("local", "test", ProcessHandle.current().pid(), ws.toString()), (spec, lines, progress) -> {
          throw new IllegalStateException("no process");
        });
    e.events().subscribe(events::add);
    return e;
  }

  @Test
  void anUnreachableClusterIsUnknownWithTheReasonAndPublished() throws Exception {
    int dead;
    try (ServerSocket s = new ServerSocket(0)) {
      dead = s.getLocalPort();
    }
    Path kubeconfig = ws.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """.formatted(dead));
    Files.createDirectories(ws.resolve("voting-app/vote"));
    Files.writeString(ws.resolve("voting-app/vote/app.py"), "print('hi')\n");
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    try (EngineServices e = engine(kubeconfig, events)) {
      long t0 = System.nanoTime();
      SourceCheckResult r = SourceCheck.verify(e, "vote", ws.resolve("voting-app/vote"), "/usr/local/app", List.of("app.py"));
      assertThat(r.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
      assertThat(r.why()).isNotBlank();
      assertThat(r.message()).startsWith("vote: the local sources could not be compared");
      assertThat((System.nanoTime() - t0) / 1_000_000).as("fails fast, no hang").isLessThan(60_000);
      assertThat(events).singleElement().satisfies(ev -> {
        assertThat(ev.type()).isEqualTo(SourceCheck.EVENT);
        assertThat(ev.data()).containsEntry("state", "unknown");
      });
    }
  }

  @Test
  void noKubeconfigOrNoLocalFileIsUnknown() throws Exception {
    List<HostK8sEvent> events = new CopyOnWriteArrayList<>();
    try (EngineServices e = engine(ws.resolve("missing-kubeconfig"), events)) {
      SourceCheckResult none = SourceCheck.verify(e, "vote", ws, "/usr/local/app", List.of("nope.py"));
      assertThat(none.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
      assertThat(none.why()).contains("nope.py");
      Files.writeString(ws.resolve("app.py"), "x = 1\n");
      SourceCheckResult noCluster = SourceCheck.verify(e, "vote", ws, "/usr/local/app", List.of("app.py"));
      assertThat(noCluster.state()).isEqualTo(SourceCheckResult.State.UNKNOWN);
      assertThat(noCluster.why()).isNotBlank();
    }
  }

  @Test
  void sha256sumOutputIsParsedAndLocalHashesAgree() throws Exception {
    Path f = ws.resolve("a.py");
    Files.writeString(f, "abc");
    assertThat(SourceHashes.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    Map<String, String> parsed = SourceHashes.parse("""
        ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /usr/local/app/a.py
        BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD */usr/local/app/b c.py
        sha256sum: /usr/local/app/x.py: No such file or directory
        """);
    assertThat(parsed).containsOnlyKeys("/usr/local/app/a.py", "/usr/local/app/b c.py");
    assertThat(parsed.get("/usr/local/app/b c.py")).isEqualTo(SourceHashes.sha256(f));
    assertThat(SourceCheck.remotePath("/usr/local/app/", "sub\\m.py")).isEqualTo("/usr/local/app/sub/m.py");
  }

  @Test
  void messagesSayWhatDiffersAndHowToFixIt() {
    SourceCheckResult m = SourceCheckResult.mismatch("vote", 2, Path.of("/ws/voting-app/vote/app.py"), "/usr/local/app/app.py",
        "a".repeat(64), "b".repeat(64), "Sync the file (hostk8s.sync.start).");
    assertThat(m.message()).isEqualTo("vote: /ws/voting-app/vote/app.py differs from /usr/local/app/app.py in the container"
        + " (sha256 aaaaaaaaaaaa here, bbbbbbbbbbbb there): breakpoints may stop on the wrong lines."
        + " Sync the file (hostk8s.sync.start). [6902]");
    assertThat(SourceCheckResult.match("vote", 1).warns()).isFalse();
    assertThat(SourceCheckResult.unknown("vote", "no pod").warns()).isTrue();
  }
}
