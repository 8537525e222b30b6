package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LogTest {

  @Test
  void logReturnsOutputAndFollowStreamsNewLines(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("ticker",
        "echo started; i=0; while true; i=$((i+1)); do echo tick-$i; echo warn-$i >&2; sleep 0.2; done")).create();
    String name = sandbox.awaitReady(TestWorkloads.NS, "app=ticker", Duration.ofSeconds(60)).get(0)
        .getMetadata().getName();
    PodResource pod = sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(name);

    awaitContains(pod, "tick-2");
    assertThat(pod.getLog()).startsWith("started\n").contains("warn-1");
    assertThat(pod.tailingLines(1).getLog().trim()).matches("(tick|warn)-\\d+");

    ByteArrayOutputStream followed = new ByteArrayOutputStream();
    try (LogWatch w = pod.watchLog(followed)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      int before = count(pod.getLog());
      while (count(followed.toString(StandardCharsets.UTF_8)) < before + 5 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(count(followed.toString(StandardCharsets.UTF_8))).isGreaterThanOrEqualTo(before + 5);
    }
  }

  private static int count(String log) {
    return (int) log.lines().filter(l -> l.startsWith("tick-")).count();
  }

  private static void awaitContains(PodResource pod, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!pod.getLog().contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }
}
