package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last lines of containers' logs, read in parallel and within a time limit: for a container that ended,
 * its previous (terminated) instance's log when the API has it, else the current one. A log that cannot be read
 * in time gives one line saying so instead; nothing here throws.
 */
final class PodLogTail {
  private static final Logger LOG = Logger.getLogger(PodLogTail.class.getName());
  static final int MAX_LINE = 240;
  private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "rollout-log-tail");
    t.setDaemon(true);
    return t;
  });
  private final KubernetesClient client;
  private final String namespace;
  private final Duration timeout;

  PodLogTail(KubernetesClient client, String namespace, Duration timeout) {
    this.client = client;
    this.namespace = namespace;
    this.timeout = timeout;
  }

  /** {@link ContainerProblem#key()} → its last {@code lines} lines (or a note), all read within the timeout. */
  Map<String, List<String>> lastLines(List<ContainerProblem> containers, int lines) throws InterruptedException {
    Map<String, CompletableFuture<List<String>>> reads = new LinkedHashMap<>();
    for (ContainerProblem p : containers) {
      reads.putIfAbsent(p.key(), CompletableFuture.supplyAsync(() -> read(p, lines), READERS));
    }
    long end = System.nanoTime() + timeout.toNanos();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<List<String>>> e : reads.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException ex) {
        e.getValue().cancel(true);
        out.put(e.getKey(), List.of("(log not read within " + timeout.toSeconds() + " s)"));
      } catch (ExecutionException ex) {
        out.put(e.getKey(), List.of("(log unavailable: " + Failures.message(ex.getCause()) + ")"));
      }
    }
    return out;
  }

  private List<String> read(ContainerProblem p, int lines) {
    String text = null;
    if (p.crashed()) {
      try {
        text = container(p).terminated().tailingLines(lines).getLog();
      } catch (KubernetesClientException e) {
        LOG.log(Level.FINE, () -> "no previous log of " + p.key() + ": " + Failures.message(e));
      }
    }
    if (text == null || text.isBlank()) {
      text = container(p).tailingLines(lines).getLog();
    }
    return lines(text, lines);
  }

  private ContainerResource container(ContainerProblem p) {
    return client.pods().inNamespace(namespace).withName(p.pod()).inContainer(p.container()).withReadyWaitTimeout(0);
  }

  /** The last {@code n} non-blank-ended lines of {@code text}, control characters removed, each cut to {@value #MAX_LINE}. */
  static List<String> lines(String text, int n) {
    if (text == null) {
      return List.of();
    }
    List<String> all = new ArrayList<>(Arrays.asList(text.split("\\r?\\n")));
    while (!all.isEmpty() && all.get(all.size() - 1).isBlank()) {
      all.remove(all.size() - 1);
    }
    return all.subList(Math.max(0, all.size() - n), all.size()).stream()
        .map(l -> l.replaceAll("\\x1B\\[[0-9;]*[A-Za-z]", "").replaceAll("[\\p{Cntrl}&&[^\\t]]", ""))
        .map(l -> l.length() > MAX_LINE ? l.substring(0, MAX_LINE) + " …" : l)
        .toList();
  }
}
