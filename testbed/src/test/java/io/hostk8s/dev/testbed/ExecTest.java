package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SandboxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExecTest {

  private static PodResource pod(Sandbox sandbox) {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("shell", "exec sleep 600")).create();
    String name = sandbox.awaitReady(TestWorkloads.NS, "app=shell", Duration.ofSeconds(60)).get(0)
        .getMetadata().getName();
    return sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(name);
  }

  @Test
  void execPassesStdinStdoutStderrAndExitCodes(Sandbox sandbox) throws Exception {
    PodResource pod = pod(sandbox);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ExecWatch w = pod.redirectingInput().writingOutput(out).writingError(err)
        .exec("sh", "-c", "read line; echo \"out:$line\"; echo \"err:$HOSTNAME\" >&2; exit 3")) {
      w.getInput().write("hello sandbox\n".getBytes(StandardCharsets.UTF_8));
      w.getInput().flush();
      assertThat(w.exitCode().get(60, TimeUnit.SECONDS)).isEqualTo(3);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("out:hello sandbox\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("err:shell-");

    ByteArrayOutputStream pwd = new ByteArrayOutputStream();
    try (ExecWatch w = pod.writingOutput(pwd).exec("pwd")) {
      assertThat(w.exitCode().get(60, TimeUnit.SECONDS)).isZero();
    }
    assertThat(pwd.toString(StandardCharsets.UTF_8).trim()).isEqualTo("/srv/app");
  }

  @Test
  void aLongRunningAttachedExecDoesNotBlockOtherExecs(Sandbox sandbox) throws Exception {
    PodResource pod = pod(sandbox);
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    try (ExecWatch longRunning = pod.writingOutput(tail).exec("sh", "-c", "echo attached; exec sleep 120")) {
      long t0 = System.nanoTime();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ExecWatch quick = pod.writingOutput(out).exec("echo", "hi")) {
        assertThat(quick.exitCode().get(60, TimeUnit.SECONDS)).isZero();
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi\n");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(20);
      assertThat(longRunning.exitCode()).isNotDone();
      // the exec runs under this JVM (the sandbox is in-process): look among our own descendants only, never at
      // another "sleep 120" elsewhere on the machine
      ProcessHandle sleeper = ProcessHandle.current().descendants()
          .filter(p -> p.info().commandLine().map(c -> c.endsWith("sleep 120")).orElse(false)).findFirst()
          .orElseThrow();
      sandbox.replacePod(TestWorkloads.NS, pod.get().getMetadata().getName());
      assertThat(sleeper.onExit().get(30, TimeUnit.SECONDS).isAlive()).as("exec killed with its pod").isFalse();
    }
  }

  @Test
  void uploadedDirectoryLandsInThePodRootAndReadsBackWithCat(Sandbox sandbox, @TempDir Path local)
      throws Exception {
    PodResource pod = pod(sandbox);
    Files.createDirectories(local.resolve("pkg"));
    Files.writeString(local.resolve("app.py"), "print('v2')\n");
    Files.writeString(local.resolve("pkg/util.py"), "X = 42\n");
    assertThat(pod.dir("/srv/app/up").upload(local)).isTrue();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch w = pod.writingOutput(out).exec("cat", "/srv/app/up/app.py", "/srv/app/up/pkg/util.py")) {
      assertThat(w.exitCode().get(60, TimeUnit.SECONDS)).isZero();
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("print('v2')\nX = 42\n");
    Path host = sandbox.podHostPath(TestWorkloads.NS, pod.get().getMetadata().getName(), "/srv/app/up").get();
    assertThat(host.resolve("pkg/util.py")).hasContent("X = 42");
    assertThat(host.toString()).startsWith(sandbox.options().stateDir().toString());
  }
}
