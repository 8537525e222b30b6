package io.hostk8s.dev.testbed.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod process that leaves a process behind outside its tree (as debugpy's adapter does: reparented to init) — stopping
 * the pod ends that process too (it is in the pod's mount namespace), and the mount point the pod needed outside the
 * workspace (like /usr/local/app) is removed again, because nothing holds the mount any more.
 */
class PodNamespaceCleanupTest {
  @Test
  void stoppingAPodEndsItsOrphansAndLeavesNoMountPointBehind(@TempDir Path dir) throws Exception {
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(ContainerLauncher.mountNamespacesAvailable(), "needs root and unshare");
    }
    assertThat(ContainerLauncher.mountNamespacesAvailable()).as("root and unshare (private mount namespaces)").isTrue();
    Path host = Files.createDirectories(dir.resolve("app"));
    Path outside = Path.of("/tmp", "hostk8s-pod-ns-" + UUID.randomUUID());
    String containerPath = outside.resolve("usr/local/app").toString();
    ContainerLauncher launcher = new ContainerLauncher(Map.of(containerPath, host), containerPath);
    ProcessBuilder pb = launcher.prepare(List.of("/bin/sh", "-c", "(setsid sleep 300 & echo orphan $!); exec sleep 300"), Map.of(), dir);
    Process pod = pb.redirectErrorStream(true).start();
    long orphan;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(pod.getInputStream(), StandardCharsets.UTF_8))) {
      orphan = Long.parseLong(out.readLine().replace("orphan ", "").trim());
      ProcessHandle o = ProcessHandle.of(orphan).orElseThrow();
      assertThat(o.parent().map(ProcessHandle::pid).orElse(-1L)).as("the orphan left the pod's process tree").isNotEqualTo(pod.pid());
      assertThat(pod.toHandle().descendants().map(ProcessHandle::pid)).doesNotContain(orphan);
      assertThat(Files.isDirectory(Path.of(containerPath))).as("the mount point exists while the pod runs").isTrue();

      ProcessTrees.kill(pod.toHandle(), Duration.ofSeconds(2));

      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan in the pod's namespace ended").isFalse();
      MountPoints.cleanUp();
      assertThat(outside).as("nothing left outside the workspace").doesNotExist();
    } finally {
      ProcessHandle.of(pod.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
