package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.hostk8s.dev.protocol.ServiceMetrics;
import io.hostk8s.dev.protocol.ServiceStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-service CPU and memory from the cluster's metrics API ({@code metrics.k8s.io/v1beta1} PodMetrics, fabric8's
 * {@code top()}): each pod's containers summed, then each service's pods (the ones its status lists). A cluster
 * without the metrics API (no metrics-server) gives no metrics, never an error.
 */
public final class ServiceMetricsReader {
  private static final Logger LOG = Logger.getLogger(ServiceMetricsReader.class.getName());

  /** One pod's use: CPU in millicores, memory in bytes. */
  public record PodUse(long cpuMillicores, long memoryBytes) {}

  private ServiceMetricsReader() {}

  /** Every pod of {@code namespace} the metrics API reports (empty when it has none or does not answer). */
  public static Map<String, PodUse> read(KubernetesClient client, String namespace) {
    Map<String, PodUse> out = new HashMap<>();
    try {
      for (PodMetrics pm : client.top().pods().metrics(namespace).getItems()) {
        long cpu = 0;
        long mem = 0;
        for (ContainerMetrics c : pm.getContainers()) {
          cpu += millicores(c.getUsage().get("cpu"));
          mem += bytes(c.getUsage().get("memory"));
        }
        out.put(pm.getMetadata().getName(), new PodUse(cpu, mem));
      }
    } catch (KubernetesClientException e) {
      LOG.log(Level.FINE, "no metrics API (" + e.getCode() + "): no CPU/memory in the status", e);
    }
    return out;
  }

  /** {@code services} with their metrics (services none of whose pods are measured keep none). */
  public static List<ServiceStatus> attach(List<ServiceStatus> services, Map<String, PodUse> pods) {
    return services.stream().map(s -> {
      List<PodUse> mine = s.pods().stream().map(pods::get).filter(u -> u != null).toList();
      if (mine.isEmpty()) {
        return s.withMetrics(null);
      }
      return s.withMetrics(new ServiceMetrics(mine.stream().mapToLong(PodUse::cpuMillicores).sum(),
          mine.stream().mapToLong(PodUse::memoryBytes).sum(), mine.size()));
    }).toList();
  }

  static long millicores(Quantity q) {
    return q == null ? 0 : Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1000)).longValue();
  }

  static long bytes(Quantity q) {
    return q == null ? 0 : Quantity.getAmountInBytes(q).longValue();
  }
}
