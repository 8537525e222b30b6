package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code up}/{@code down} of the shaded jar, as the product CLI runs them. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxJarIT {

  @TempDir
  Path state;

  @Test
  void upServesAKubeconfigAndDownLeavesNoProcessBehind() throws Exception {
    Path jar = Path.of(System.getProperty("testbed.jar", "target/hostk8s-dev-testbed.jar"));
    assertThat(jar).exists();
    Result up = cli(jar, "up", "--workspace", SandboxExtension.workspace().toString(), "--state-dir",
        state.toString());
    assertThat(up.code).as(up.output).isZero();
    List<String> lines = up.output.lines().collect(Collectors.toList());
    Path kubeconfig = Path.of(lines.get(lines.size() - 1));
    assertThat(kubeconfig).isEqualTo(state.resolve("kubeconfig"));
    long daemonPid = Long.parseLong(Files.readString(state.resolve("sandbox.pid")).trim());
    ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();

    String marker = String.valueOf(900_000 + ThreadLocalRandom.current().nextInt(99_999));
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
        "kind-hostk8s", Files.readString(kubeconfig), kubeconfig.toString())).build()) {
      TestWorkloads.namespace(client);
      client.resource(TestWorkloads.command("sleeper", "exec sleep " + marker)).create();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      Pod ready = null;
      while (ready == null && System.nanoTime() < deadline) {
        ready = client.pods().inNamespace(TestWorkloads.NS).withLabel("app", "sleeper").list().getItems().stream()
            .filter(Readiness::ready).findFirst().orElse(null);
        Thread.sleep(200);
      }
      assertThat(ready).as("pod ready through the jar's API").isNotNull();
      assertThat(client.nodes().withName("sandbox-control-plane").get()).isNotNull();
    }
    assertThat(sleepers(marker)).hasSize(1);

    Result again = cli(jar, "up", "--workspace", ".", "--state-dir", state.toString());
    assertThat(again.code).isZero();
    assertThat(again.output).contains("already running");

    Result down = cli(jar, "down", "--state-dir", state.toString());
    assertThat(down.code).as(down.output).isZero();
    assertThat(down.output).contains("stopped sandbox (pid " + daemonPid);
    daemon.onExit().get(30, TimeUnit.SECONDS);
    assertThat(daemon.isAlive()).isFalse();
    assertThat(sleepers(marker)).isEmpty();
    assertThat(state.resolve("sandbox.pid")).doesNotExist();

    Result idle = cli(jar, "down", "--state-dir", state.toString());
    assertThat(idle.code).isZero();
    assertThat(idle.output).contains("not running");
  }

  private static List<ProcessHandle> sleepers(String marker) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains("sleep " + marker)).orElse(false))
        .collect(Collectors.toList());
  }

  private record Result(int code, String output) {
  }

  private static Result cli(Path jar, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(Duration.ofSeconds(180).toSeconds(), TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
