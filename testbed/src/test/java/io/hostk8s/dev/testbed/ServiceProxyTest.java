package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServiceProxyTest {

  /** Connects to $ECHO_HOST:$ECHO_PORT from inside the pod and prints what comes back. */
  private static final String CLIENT = "/usr/bin/python3 -c \"import os, socket; "
      + "s = socket.create_connection((os.environ['ECHO_HOST'], int(os.environ['ECHO_PORT'])), 10); "
      + "s.sendall(b'ping'); print(s.recv(16).decode())\"";

  @Test
  void podsReachAServiceByItsDnsNameThroughTheLocalRelayAcrossPodReplacement(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    Deployment client = TestWorkloads.command("client", "exec sleep 600");
    client.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
        .add(new EnvVarBuilder().withName("ECHO_HOST").withValue("echo.t.svc.cluster.local").build());
    sandbox.client().resource(client).create();
    String before = sandbox.awaitReady(TestWorkloads.NS, "app=client", Duration.ofSeconds(60)).get(0)
        .getMetadata().getName();
    assertThat(exec(sandbox, before, "printenv", "ECHO_HOST")).isEqualTo("echo.t.svc.cluster.local");
    sandbox.client().resource(TestWorkloads.command("echo", TestWorkloads.ECHO, 7000)).create();
    Service svc = new ServiceBuilder().withNewMetadata().withName("echo").withNamespace(TestWorkloads.NS)
        .endMetadata().withNewSpec().addToSelector("app", "echo").addNewPort().withPort(7).withNewTargetPort(7000)
        .endPort().endSpec().build();
    sandbox.client().resource(svc).create();
    sandbox.awaitReady(TestWorkloads.NS, "app=echo", Duration.ofSeconds(60));

    int relay = awaitServicePort(sandbox);
    String pod = awaitClientWithEnv(sandbox, relay);
    assertThat(exec(sandbox, pod, "sh", "-c", CLIENT)).isEqualTo("ping");

    String echoPod = sandbox.awaitReady(TestWorkloads.NS, "app=echo", Duration.ofSeconds(5)).get(0)
        .getMetadata().getName();
    sandbox.replacePod(TestWorkloads.NS, echoPod);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && sandbox.awaitReady(TestWorkloads.NS, "app=echo", Duration.ofSeconds(60))
        .get(0).getMetadata().getName().equals(echoPod)) {
      Thread.sleep(100);
    }
    assertThat(sandbox.serviceLocalPort(TestWorkloads.NS, "echo", 7)).contains(relay);
    assertThat(exec(sandbox, pod, "sh", "-c", CLIENT)).isEqualTo("ping");
  }

  /** The client pod started before the Service existed: it is relaunched with the rewritten env. */
  private static String awaitClientWithEnv(Sandbox sandbox, int relay) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      Pod pod = sandbox.awaitReady(TestWorkloads.NS, "app=client", Duration.ofSeconds(60)).get(0);
      last = exec(sandbox, pod.getMetadata().getName(), "sh", "-c", "echo $ECHO_HOST:$ECHO_PORT");
      if (last.equals("127.0.0.1:" + relay)) {
        return pod.getMetadata().getName();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("client env never rewritten: " + last);
  }

  private static int awaitServicePort(Sandbox sandbox) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (sandbox.serviceLocalPort(TestWorkloads.NS, "echo", 7).isPresent()) {
        return sandbox.serviceLocalPort(TestWorkloads.NS, "echo", 7).get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no relay for service echo");
  }

  private static String exec(Sandbox sandbox, String pod, String... cmd) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ExecWatch w = sandbox.client().pods().inNamespace(TestWorkloads.NS).withName(pod).writingOutput(out)
        .exec(cmd)) {
      w.exitCode().get(60, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8).trim();
  }
}
