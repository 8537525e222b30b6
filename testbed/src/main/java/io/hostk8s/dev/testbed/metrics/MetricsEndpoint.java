package io.hostk8s.dev.testbed.metrics;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics API ({@code metrics.k8s.io/v1beta1}: PodMetrics, as metrics-server serves it) over the stand-in's
 * pods, which are real processes: CPU is the rate of the process tree's CPU time over a window, as metrics-server
 * reports it — since the newest reading of the pod at least {@link #WINDOW} old, else since the pod started (so
 * readers do not shorten each other's window, and a young pod's start-up counts) — memory its resident set. Served
 * for a namespace's pods, all pods, and one pod.
 */
public final class MetricsEndpoint {
  public static final String PREFIX = "/apis/metrics.k8s.io/v1beta1/";
  private static final Pattern PATH = Pattern.compile(
      "/apis/metrics\\.k8s\\.io/v1beta1/(?:namespaces/([^/]+)/)?pods(?:/([^/?]+))?/?(?:\\?.*)?");
  private final PodRuntimes pods;
  /** metrics-server's default resolution. */
  static final Duration WINDOW = Duration.ofSeconds(15);
  private final Map<String, Deque<Reading>> readings = new ConcurrentHashMap<>();

  private record Reading(double cpuSeconds, long atNanos) {}

  public MetricsEndpoint(PodRuntimes pods) {
    this.pods = pods;
  }

  public static boolean handles(String path) {
    return path != null && path.startsWith(PREFIX);
  }

  public MockResponse handle(String path) {
    Matcher m = PATH.matcher(path);
    if (!m.matches()) {
      return json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}");
    }
    String ns = m.group(1);
    String name = m.group(2);
    List<PodRuntime> chosen = pods.all().stream().filter(PodRuntime::alive)
        .filter(r -> ns == null || ns.equals(r.namespace())).filter(r -> name == null || name.equals(r.name())).toList();
    if (name != null) {
      Optional<PodMetrics> one = chosen.stream().findFirst().map(this::metrics);
      return one.map(pm -> json(200, Serialization.asJson(pm))).orElseGet(() -> json(404, "{\"kind\":\"Status\","
          + "\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"message\":\"podmetrics.metrics.k8s.io \\\""
          + name + "\\\" not found\",\"code\":404}"));
    }
    return json(200, Serialization.asJson(new PodMetricsListBuilder().withItems(chosen.stream().map(this::metrics).toList())
        .build()));
  }

  private PodMetrics metrics(PodRuntime r) {
    ProcessUsage.Sample now = ProcessHandle.of(r.pid()).map(ProcessUsage::of).orElse(new ProcessUsage.Sample(0, 0));
    long at = System.nanoTime();
    Instant started = r.startedAt() == null ? Instant.now() : r.startedAt();
    Reading before = base(r.uid(), new Reading(now.cpuSeconds(), at));
    double seconds = before == null ? Math.max(0.001, Duration.between(started, Instant.now()).toNanos() / 1e9)
        : Math.max(0.001, (at - before.atNanos()) / 1e9);
    double cpu = Math.max(0, now.cpuSeconds() - (before == null ? 0 : before.cpuSeconds())) / seconds;
    long nanocores = Math.round(cpu * 1e9);
    return new PodMetricsBuilder()
        .withMetadata(new ObjectMetaBuilder().withName(r.name()).withNamespace(r.namespace()).build())
        .withTimestamp(Instant.now().toString())
        .withWindow(new io.fabric8.kubernetes.api.model.Duration(java.time.Duration.ofMillis(Math.max(1000, Math.round(seconds * 1000)))))
        .withContainers(new ContainerMetricsBuilder().withName("main")
            .withUsage(Map.of("cpu", new Quantity(nanocores + "n"), "memory", new Quantity((now.rssBytes() / 1024) + "Ki")))
            .build())
        .build();
  }

  /** Records {@code now}; answers the newest earlier reading at least a window old (null: none, use the start). */
  private Reading base(String uid, Reading now) {
    Deque<Reading> h = readings.computeIfAbsent(uid, k -> new ArrayDeque<>());
    synchronized (h) {
      long window = WINDOW.toNanos();
      while (h.size() > 1 && now.atNanos() - secondOldest(h).atNanos() >= window) {
        h.removeFirst();
      }
      Reading oldest = h.peekFirst();
      h.addLast(now);
      return oldest != null && now.atNanos() - oldest.atNanos() >= window ? oldest : null;
    }
  }

  private static Reading secondOldest(Deque<Reading> h) {
    var it = h.iterator();
    it.next();
    return it.next();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
  }
}
