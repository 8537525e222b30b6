package io.hostk8s.dev.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** {@link PodExec} over fabric8's {@code pods/exec} websocket: one exec per call, no kubectl. */
public final class Fabric8PodExec implements PodExec {
  private final Supplier<KubernetesClient> client;

  public Fabric8PodExec(Supplier<KubernetesClient> client) {
    this.client = client;
  }

  @Override
  public Result exec(PodRef pod, List<String> command, Input input, Duration timeout) throws IOException, InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ContainerResource c = client.get().pods().inNamespace(pod.namespace()).withName(pod.name()).inContainer(pod.container());
    ExecWatch w;
    try {
      w = input == null ? c.writingOutput(out).writingError(err).exec(command.toArray(String[]::new))
          : c.redirectingInput().writingOutput(out).writingError(err).exec(command.toArray(String[]::new));
    } catch (KubernetesClientException e) {
      throw new IOException("exec in " + pod.name() + " failed: " + e.getMessage(), e);
    }
    try (w) {
      if (input != null) {
        try (OutputStream stdin = w.getInput()) {
          input.writeTo(stdin);
          stdin.flush();
        }
      }
      Integer code = w.exitCode().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (code == null || code < 0) {
        throw new IOException("exec in " + pod.name() + " ended without an exit code (pod gone?)" + tail(err));
      }
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } catch (ExecutionException e) {
      throw new IOException("exec in " + pod.name() + " failed: " + e.getCause().getMessage() + tail(err), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("exec in " + pod.name() + " did not finish within " + timeout.toSeconds() + " s", e);
    } catch (KubernetesClientException e) {
      throw new IOException("exec in " + pod.name() + " failed: " + e.getMessage(), e);
    }
  }

  private static String tail(ByteArrayOutputStream err) {
    String s = err.toString(StandardCharsets.UTF_8).strip();
    return s.isEmpty() ? "" : ": " + (s.length() > 300 ? s.substring(s.length() - 300) : s);
  }
}
