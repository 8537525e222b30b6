package io.hostk8s.dev.testbed.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointsTest {

  @Test
  void seesMountsOfOtherMountNamespaces(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(ContainerLauncher.mountNamespacesAvailable(), "needs root and unshare");
    Path source = Files.createDirectories(dir.resolve("source"));
    Path target = Files.createDirectories(dir.resolve("target"));
    Process p = new ProcessBuilder("unshare", "-m", "--propagation", "private", "--", "/bin/sh", "-c",
        "mount --bind \"$1\" \"$2\" && echo mounted && exec sleep 60", "sh", source.toString(), target.toString())
        .redirectErrorStream(true).start();
    try {
      assertThat(new String(p.getInputStream().readNBytes(8)).trim()).isEqualTo("mounted");
      assertThat(MountPoints.mountedAnywhere()).contains(target.toString());
    } finally {
      ProcessTrees.kill(p.toHandle(), Duration.ofSeconds(2));
      p.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(MountPoints.mountedAnywhere()).doesNotContain(target.toString());
  }
}
