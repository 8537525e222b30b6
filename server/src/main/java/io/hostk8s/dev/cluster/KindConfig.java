package io.hostk8s.dev.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kind cluster config of the HostK8s layout (its {@code kind-custom.yaml}, minus the optional add-on ports and
 * mounts): one control-plane node labelled {@code ingress-ready=true}, host ports 8080/8443 → NodePorts
 * 30080/30443 (ingress-nginx), and the containerd mirror {@code localhost:5000} → {@code http://hostk8s-registry:5000}.
 */
public final class KindConfig {
  public static final int HTTP_HOST_PORT = 8080;
  public static final int HTTP_NODE_PORT = 30080;
  public static final int HTTPS_HOST_PORT = 8443;
  public static final int HTTPS_NODE_PORT = 30443;
  public static final String NODE_REGISTRY = "localhost:5000";

  private KindConfig() {}

  /** The containerd patch: pulls of {@code localhost:5000/…} on the nodes go to the registry container. */
  public static String containerdPatch(String registryContainer, int containerPort) {
    return "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"" + NODE_REGISTRY + "\"]\n"
        + "  endpoint = [\"http://" + registryContainer + ":" + containerPort + "\"]\n";
  }

  /** {@code hosts.toml} for {@code /etc/containerd/certs.d/localhost:5000/} on each node (containerd ≥ 1.7 reads it). */
  public static String hostsToml(String registryContainer, int containerPort) {
    return "[host.\"http://" + registryContainer + ":" + containerPort + "\"]\n";
  }

  public static String render(String clusterName, String registryContainer, int containerPort) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("role", "control-plane");
    node.put("labels", Map.of("ingress-ready", "true"));
    node.put("extraPortMappings", List.of(port(HTTP_HOST_PORT, HTTP_NODE_PORT), port(HTTPS_HOST_PORT, HTTPS_NODE_PORT)));
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kind", "Cluster");
    root.put("apiVersion", "kind.x-k8s.io/v1alpha4");
    root.put("name", clusterName);
    root.put("networking", Map.of("apiServerAddress", "127.0.0.1"));
    root.put("nodes", List.of(node));
    root.put("containerdConfigPatches", List.of(containerdPatch(registryContainer, containerPort)));
    try {
      return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> port(int host, int container) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("containerPort", container);
    m.put("hostPort", host);
    m.put("protocol", "TCP");
    return m;
  }
}
