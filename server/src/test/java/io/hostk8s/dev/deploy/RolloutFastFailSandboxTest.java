package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * hostk8s.deploy through {@link DeployService} fails fast (4007) when a container cannot start, long before its
 * timeout, with the reason and the container's last log lines in the error and in the progress; a healthy
 * service next to it keeps going.
 */
@ExtendWith(SandboxExtension.class)
class RolloutFastFailSandboxTest {
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  static Sandbox sandbox;
  @TempDir
  Path ws;
  EngineServices engine;

  @BeforeAll
  static void oneSandboxForTheClass(Sandbox s) {
    sandbox = s;
  }

  @AfterEach
  void endSession() {
    if (engine != null) {
      DeployService.endSession(engine);
    }
  }

  /** A workspace deploying {@code manifest} into {@code namespace} (the voting-app services' selectors: app=vote…). */
  EngineServices workspace(String namespace, String manifest) throws IOException {
    Files.writeString(ws.resolve("hostk8s.dev.yaml"), "namespace: " + namespace + "\n");
    Path dir = Files.createDirectories(ws.resolve("voting-app/k8s/local"));
    Files.writeString(dir.resolve("app.yaml"), manifest);
    engine = DeployFixtures.engine(ws, sandbox.kubeconfigPath());
    return engine;
  }

  static String deployment(String name, String image, String annotations, String ports) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata:
              labels: {app: %1$s}
              annotations: {%3$s}
            spec:
              containers:
                - name: %1$s
                  image: %2$s
                  ports: [%4$s]
        ---
        """.formatted(name, image, annotations, ports);
  }

  static final String HEALTHY_WEB = deployment("web", "python-http", "", "{containerPort: 8080}");

  @Test
  void aCrashLoopFailsTheDeployWithItsLogLongBeforeTheTimeout() throws Exception {
    String crash = "sandbox.hostk8s.io/command: 'echo \"starting vote\"; echo \"boom: missing setting XYZ\"; exit 1'";
    EngineServices e = workspace("crash-test", deployment("vote", "busybox:1", crash, "") + HEALTHY_WEB);
    RecordingProgress progress = new RecordingProgress();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> DeployService.deploy(e, Map.of(), DeployOptions.local().withTimeout(TIMEOUT), progress))
        .isInstanceOfSatisfying(HostK8sException.class, ex -> {
          System.err.println("4007 message:\n" + ex.getMessage() + "\nfix: " + ex.suggestions());
          assertThat(ex.code()).isEqualTo(ErrorCode.ROLLOUT_FAILED);
          assertThat(ex.getMessage()).startsWith("vote cannot start: pod vote-").contains(", container vote: CrashLoopBackOff, restarted ")
              .contains("last exit code 1").contains("  | boom: missing setting XYZ").doesNotContain("web");
          assertThat(ex.suggestions()).singleElement().asString().startsWith("Fix what the log of vote shows");
        });
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    System.err.println("crash loop: 4007 after " + took.toMillis() + " ms; progress:\n  " + String.join("\n  ", progress.messages));
    assertThat(took).as("well before the 120 s timeout").isLessThan(Duration.ofSeconds(30));
    assertThat(progress.messages).as("the first crash shows the log lines in the progress")
        .contains("rollout: vote | boom: missing setting XYZ")
        .anyMatch(m -> m.startsWith("rollout: vote crashed (exit code 1) in pod vote-"));
    assertThat(progress.messages.stream().filter(m -> m.startsWith("rollout: ") && !m.contains(" | ")).count())
        .as("few rollout lines").isLessThanOrEqualTo(10);
    assertThat(progress.messages.stream().filter(m -> m.contains("boom: missing setting XYZ")).count()).as("the log once").isEqualTo(1);
  }

  @Test
  void anImageThatCannotBePulledFailsAtOnceNamingTheReason() throws Exception {
    EngineServices e = workspace("pull-test", deployment("worker", "localhost:5000/hostk8s-nobody-built-me:1", "", "") + HEALTHY_WEB);
    RecordingProgress progress = new RecordingProgress();
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> DeployService.deploy(e, Map.of(), DeployOptions.local().withTimeout(TIMEOUT), progress))
        .isInstanceOfSatisfying(HostK8sException.class, ex -> {
          assertThat(ex.code()).isEqualTo(ErrorCode.ROLLOUT_FAILED);
          assertThat(ex.getMessage()).startsWith("worker cannot start: pod worker-")
              .contains("container worker: ErrImageNeverPull — no sandbox recipe for image localhost:5000/hostk8s-nobody-built-me:1")
              .doesNotContain("log");
          assertThat(ex.suggestions()).singleElement().asString()
              .contains("image of worker (localhost:5000/hostk8s-nobody-built-me:1)").contains("hostk8s-dev up");
        });
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
    assertThat(progress.messages).contains("rollout: waiting for worker, web");
    assertThat(progress.messages).noneMatch(m -> m.contains(" | "));
  }
}
