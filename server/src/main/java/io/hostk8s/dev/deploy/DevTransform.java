package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.util.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dev transform for local runs: for each service with a {@code debug} block, the workload whose pod template
 * its selector matches gets the debugger port (and, for Java/Node, the agent option) on the service's container.
 * Everything is merged into what the manifest already declares — never duplicated — and the list of changes is
 * recorded as JSON in the pod template annotation {@value #ANNOTATION} (an empty list when nothing was needed).
 * Resources (limits included) are left as the user wrote them. Pure: returns transformed copies.
 */
public final class DevTransform {
  public static final String ANNOTATION = "hostk8s.dev/dev-transform";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** One change made to a container, as recorded in the annotation. */
  public record Change(String service, String container, String what, String detail) {}

  public record Result(List<HasMetadata> objects, List<Change> changes) {}

  public Result apply(List<HasMetadata> objects, Map<String, ServiceConfig> services) {
    List<HasMetadata> out = new ArrayList<>();
    List<Change> all = new ArrayList<>();
    for (HasMetadata original : objects) {
      Optional<Map.Entry<String, ServiceConfig>> service = debuggedServiceOf(original, services);
      if (service.isEmpty()) {
        out.add(original);
        continue;
      }
      HasMetadata o = SERIALIZATION.clone(original);
      PodTemplateSpec template = Workloads.template(o).orElseThrow();
      List<Change> changes = new ArrayList<>();
      container(o, service.get().getValue()).ifPresent(c ->
          changes.addAll(DebugPorts.ensure(service.get().getKey(), c, service.get().getValue().debug())));
      if (template.getMetadata() == null) {
        template.setMetadata(new ObjectMeta());
      }
      Map<String, String> annotations = new LinkedHashMap<>(
          template.getMetadata().getAnnotations() == null ? Map.of() : template.getMetadata().getAnnotations());
      annotations.put(ANNOTATION, Json.GSON.toJson(changes));
      template.getMetadata().setAnnotations(annotations);
      all.addAll(changes);
      out.add(o);
    }
    return new Result(List.copyOf(out), List.copyOf(all));
  }

  private static Optional<Map.Entry<String, ServiceConfig>> debuggedServiceOf(HasMetadata o, Map<String, ServiceConfig> services) {
    if (Workloads.template(o).isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> labels = Workloads.podLabels(o);
    return services.entrySet().stream()
        .filter(e -> e.getValue().debug() != null && Workloads.selects(e.getValue().selector(), labels))
        .findFirst();
  }

  /** The configured container by name, else the one running the service's image, else the first. */
  public static Optional<Container> container(HasMetadata o, ServiceConfig service) {
    List<Container> containers = Workloads.podSpec(o).map(s -> s.getContainers() == null ? List.<Container>of() : s.getContainers())
        .orElse(List.of());
    return containers.stream().filter(c -> c.getName() != null && c.getName().equals(service.container())).findFirst()
        .or(() -> containers.stream().filter(c -> ImageRefs.sameRepository(c.getImage(), service.image())).findFirst())
        .or(() -> containers.stream().findFirst());
  }
}
