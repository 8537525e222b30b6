package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.hostk8s.dev.config.ServiceConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns loaded manifests into what is applied: copies of the objects with the built image tags in place of the
 * manifests' image references (matched by repository against each service's {@code image}) and the configured
 * namespace on every namespaced object. The Namespace object comes first (added when the manifests have none).
 */
public final class ManifestRenderer {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** What was rendered and which image references were replaced ("Deployment/vote vote: a → b"). */
  public record Rendered(List<HasMetadata> objects, List<String> imageChanges) {}

  public Rendered render(List<HasMetadata> objects, Map<String, ServiceConfig> services, Map<String, String> images, String namespace) {
    Set<String> sourceNamespaces = new HashSet<>();
    for (HasMetadata o : objects) {
      if (KubeObjects.namespaced(o) && o.getMetadata().getNamespace() != null) {
        sourceNamespaces.add(o.getMetadata().getNamespace());
      }
    }
    List<HasMetadata> out = new ArrayList<>();
    List<String> changes = new ArrayList<>();
    boolean hasNamespace = false;
    for (HasMetadata original : objects) {
      HasMetadata o = SERIALIZATION.clone(original);
      if ("Namespace".equals(o.getKind())) {
        if (sourceNamespaces.contains(o.getMetadata().getName())) {
          o.getMetadata().setName(namespace);
        }
        hasNamespace |= namespace.equals(o.getMetadata().getName());
      } else if (KubeObjects.namespaced(o)) {
        o.getMetadata().setNamespace(namespace);
      }
      for (Container c : Workloads.allContainers(o)) {
        replaceImage(o, c, services, images, changes);
      }
      out.add(o);
    }
    if (!hasNamespace) {
      out.add(0, new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build());
    }
    out.sort(java.util.Comparator.comparingInt(KubeObjects::rank));
    return new Rendered(List.copyOf(out), List.copyOf(changes));
  }

  private static void replaceImage(HasMetadata owner, Container c, Map<String, ServiceConfig> services, Map<String, String> images,
      List<String> changes) {
    for (Map.Entry<String, ServiceConfig> e : services.entrySet()) {
      String built = images.get(e.getKey());
      if (built != null && ImageRefs.sameRepository(c.getImage(), e.getValue().image()) && !built.equals(c.getImage())) {
        changes.add(KubeObjects.describe(owner) + " " + c.getName() + ": " + c.getImage() + " → " + built);
        c.setImage(built);
        return;
      }
    }
  }
}
