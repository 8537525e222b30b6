package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SandboxExtension.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PortForwardTest {

  @Test
  void bridgesEightMegabytesBothWaysToTheRealPodSocket(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("echo", TestWorkloads.ECHO, 7000)).create();
    Pod pod = sandbox.awaitReady(TestWorkloads.NS, "app=echo", Duration.ofSeconds(60)).get(0);

    byte[] payload = new byte[8 * 1024 * 1024];
    new Random(42).nextBytes(payload);
    try (LocalPortForward pf = sandbox.client().pods().inNamespace(TestWorkloads.NS)
        .withName(pod.getMetadata().getName()).portForward(7000);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), pf.getLocalPort())) {
      CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
        try {
          OutputStream out = s.getOutputStream();
          for (int off = 0; off < payload.length; off += 100_000) {
            out.write(payload, off, Math.min(100_000, payload.length - off));
          }
          out.flush();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      InputStream in = s.getInputStream();
      byte[] buf = new byte[64 * 1024];
      long total = 0;
      while (total < payload.length) {
        int n = in.read(buf);
        assertThat(n).as("stream ended after %d bytes", total).isPositive();
        md.update(buf, 0, n);
        total += n;
      }
      writer.get(60, TimeUnit.SECONDS);
      assertThat(md.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
    }
  }

  @Test
  void aPortNobodyListensOnEndsTheForwardedConnection(Sandbox sandbox) throws Exception {
    TestWorkloads.namespace(sandbox.client());
    sandbox.client().resource(TestWorkloads.command("idle", "exec sleep 600")).create();
    Pod pod = sandbox.awaitReady(TestWorkloads.NS, "app=idle", Duration.ofSeconds(60)).get(0);
    try (LocalPortForward pf = sandbox.client().pods().inNamespace(TestWorkloads.NS)
        .withName(pod.getMetadata().getName()).portForward(7001);
        Socket s = new Socket(InetAddress.getLoopbackAddress(), pf.getLocalPort())) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write("hello".getBytes());
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (pf.getServerThrowables().isEmpty() && pf.getClientThrowables().isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(pf.errorOccurred()).isTrue();
    }
  }
}
