package io.hostk8s.dev.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KEP-1755 "Communicating a local registry": ConfigMap {@code kube-public/local-registry-hosting} whose
 * {@code localRegistryHosting.v1} says where the host pushes ({@code localhost:5002}) and that nodes pull from
 * {@code localhost:5000}. Tools (Tilt, Skaffold, our watcher) read it to find the registry.
 */
public final class RegistryHosting {
  public static final String NAMESPACE = "kube-public";
  public static final String NAME = "local-registry-hosting";
  public static final String KEY = "localRegistryHosting.v1";
  private static final Pattern HOST = Pattern.compile("(?m)^host:\\s*\"?([^\"\\s]+)\"?");

  private RegistryHosting() {}

  public static ConfigMap configMap(String pushHost) {
    String value = "host: \"" + pushHost + "\"\n"
        + "hostFromClusterNetwork: \"" + RegistrySpec.CONTAINER + ":5000\"\n"
        + "hostFromContainerRuntime: \"" + KindConfig.NODE_REGISTRY + "\"\n"
        + "help: \"https://kind.sigs.k8s.io/docs/user/local-registry/\"\n";
    return new ConfigMapBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(NAME)
        .addToLabels("app.kubernetes.io/managed-by", "hostk8s-dev").endMetadata()
        .addToData(KEY, value).build();
  }

  /** Creates or updates the ConfigMap (server-side apply). */
  public static ConfigMap apply(KubernetesClient client, String pushHost) {
    return client.configMaps().inNamespace(NAMESPACE).resource(configMap(pushHost)).forceConflicts().serverSideApply();
  }

  /** The advertised push host, when the cluster has the ConfigMap. */
  public static Optional<String> read(KubernetesClient client) {
    ConfigMap cm = client.configMaps().inNamespace(NAMESPACE).withName(NAME).get();
    return Optional.ofNullable(cm).map(ConfigMap::getData).map(d -> d.get(KEY)).flatMap(RegistryHosting::host);
  }

  static Optional<String> host(String value) {
    Matcher m = HOST.matcher(value);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
