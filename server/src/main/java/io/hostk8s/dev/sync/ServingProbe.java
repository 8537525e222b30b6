package io.hostk8s.dev.sync;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * save → serving, measured through the container's HTTP readiness probe (its path and port, reached by a fabric8
 * port-forward to the pod). After a batch is applied the probe polls that URL for up to {@value #WINDOW_MS} ms and
 * waits for the app to restart — a refused or failed request, or one that stalls for half a second or more (a reloader
 * keeps the socket and holds connections until the new process accepts; a shorter stall may just be a loaded
 * machine) — then reports the first healthy answer after it, measured
 * from the save. An app that reloads in place and says so in an {@code X-Dev-Reload} header (vote's devserver.py,
 * {@link ReloadHeader}) is measured by that header instead: its first answer from code loaded after the save gives
 * the moment the new code was in place. Neither seen: nothing is reported (no reloader, or a change it ignores).
 * Without an httpGet readiness probe the service is not probed.
 */
final class ServingProbe implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServingProbe.class.getName());
  static final long WINDOW_MS = 8_000;
  static final long STALL_MS = 500;
  private final Supplier<KubernetesClient> client;
  private final String container;
  private final LongConsumer onServing;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sync-serving-probe");
    t.setDaemon(true);
    return t;
  });
  private Future<?> running;
  private LocalPortForward forward;
  private String forwardPod;

  ServingProbe(Supplier<KubernetesClient> client, String container, LongConsumer onServing) {
    this.client = client;
    this.container = container;
    this.onServing = onServing;
  }

  /** Probes after a batch applied to {@code pod} whose oldest change was saved at {@code savedAtMillis}. */
  synchronized void applied(PodRef pod, long savedAtMillis) {
    if (running != null) {
      running.cancel(true);
    }
    running = thread.submit(() -> probe(pod, savedAtMillis));
  }

  private void probe(PodRef ref, long savedAt) {
    try {
      Pod pod = client.get().pods().inNamespace(ref.namespace()).withName(ref.name()).get();
      HTTPGetAction get = pod == null ? null : httpProbe(pod);
      if (get == null) {
        return;
      }
      int port = port(pod, get);
      LocalPortForward f = forward(ref, port);
      URI uri = URI.create("http://127.0.0.1:" + f.getLocalPort() + (get.getPath() == null ? "/" : get.getPath()));
      long end = System.currentTimeMillis() + WINDOW_MS;
      boolean restarted = false;
      while (System.currentTimeMillis() < end && !Thread.currentThread().isInterrupted()) {
        long t0 = System.nanoTime();
        Optional<HttpResponse<Void>> answer = get(uri);
        long took = (System.nanoTime() - t0) / 1_000_000;
        boolean ok = answer.filter(r -> r.statusCode() >= 200 && r.statusCode() < 400).isPresent();
        Optional<ReloadHeader> reload = answer.flatMap(r -> ReloadHeader.parse(r.headers().firstValue(ReloadHeader.NAME).orElse(null)));
        if (ok && reload.isPresent()) {
          long loadedAt = reload.get().loadedAt(System.currentTimeMillis());
          if (loadedAt >= savedAt) {
            onServing.accept(loadedAt - savedAt);
            return;
          }
          Thread.sleep(25);
          continue;
        }
        // refused/failed, or held by the reloader while the new process started (possibly already the first request:
        // an inotify reloader restarts the app before the exec has even returned)
        restarted |= !ok || took >= STALL_MS;
        if (ok && restarted) {
          onServing.accept(System.currentTimeMillis() - savedAt);
          return;
        }
        Thread.sleep(ok ? 50 : 25);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | IOException e) {
      LOG.log(Level.FINE, "serving probe failed", e);
    }
  }

  private Optional<HttpResponse<Void>> get(URI uri) throws InterruptedException {
    try {
      return Optional.of(http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private synchronized LocalPortForward forward(PodRef pod, int port) throws IOException {
    if (forward == null || !forward.isAlive() || !pod.uid().equals(forwardPod)) {
      if (forward != null) {
        forward.close();
      }
      // loopback only: fabric8's portForward(port) alone listens on every interface (0.0.0.0)
      forward = client.get().pods().inNamespace(pod.namespace()).withName(pod.name())
          .portForward(port, InetAddress.getLoopbackAddress(), 0);
      forwardPod = pod.uid();
    }
    return forward;
  }

  private HTTPGetAction httpProbe(Pod pod) {
    return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container)).findFirst()
        .map(Container::getReadinessProbe).map(p -> p.getHttpGet()).orElse(null);
  }

  private int port(Pod pod, HTTPGetAction get) {
    if (get.getPort().getIntVal() != null) {
      return get.getPort().getIntVal();
    }
    String name = get.getPort().getStrVal();
    return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(container)).flatMap(c -> c.getPorts().stream())
        .filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst()
        .orElseThrow(() -> new IllegalStateException("no container port named " + name));
  }

  @Override
  public synchronized void close() {
    thread.shutdownNow();
    if (forward != null) {
      try {
        forward.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the probe's forward", e);
      }
    }
  }
}
