package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.hostk8s.dev.testbed.kubelet.ContainerLauncher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The non-root path: no mount namespace, container paths rewritten to the pod root's host dirs. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PathSubstitutionFallbackTest {

  @BeforeEach
  void force() {
    System.setProperty(ContainerLauncher.FORCE_SUBSTITUTION, "true");
  }

  @AfterEach
  void restore() {
    System.clearProperty(ContainerLauncher.FORCE_SUBSTITUTION);
  }

  @Test
  void uploadAndExecSeeContainerPathsThroughSubstitution(@TempDir Path state, @TempDir Path local)
      throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(SandboxExtension.workspace(), state))) {
      TestWorkloads.namespace(sandbox.client());
      sandbox.client().resource(TestWorkloads.command("plain", "exec sleep 600")).create();
      String name = sandbox.awaitReady(TestWorkloads.NS, "app=plain", Duration.ofSeconds(60)).get(0)
          .getMetadata().getName();
      PodResource pod = sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(name);
      Files.writeString(local.resolve("a.txt"), "substituted\n");
      assertThat(pod.dir("/srv/app/in").upload(local)).isTrue();

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ExecWatch w = pod.writingOutput(out).exec("sh", "-c", "cat /srv/app/in/a.txt; pwd")) {
        assertThat(w.exitCode().get(60, TimeUnit.SECONDS)).isZero();
      }
      Path hostDir = sandbox.podHostPath(TestWorkloads.NS, name, "/srv/app").orElseThrow();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("substituted\n" + hostDir + "\n");
      assertThat(hostDir.resolve("in/a.txt")).hasContent("substituted");
      assertThat(Path.of("/srv/app/in")).doesNotExist();
    }
  }
}
