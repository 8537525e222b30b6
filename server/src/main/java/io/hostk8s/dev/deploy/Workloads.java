package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Uniform access to the pod template of workload objects. */
public final class Workloads {
  private Workloads() {}

  /** The pod template of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob. */
  public static Optional<PodTemplateSpec> template(HasMetadata o) {
    PodTemplateSpec t = null;
    if (o instanceof Deployment d && d.getSpec() != null) {
      t = d.getSpec().getTemplate();
    } else if (o instanceof StatefulSet s && s.getSpec() != null) {
      t = s.getSpec().getTemplate();
    } else if (o instanceof DaemonSet s && s.getSpec() != null) {
      t = s.getSpec().getTemplate();
    } else if (o instanceof ReplicaSet s && s.getSpec() != null) {
      t = s.getSpec().getTemplate();
    } else if (o instanceof Job j && j.getSpec() != null) {
      t = j.getSpec().getTemplate();
    } else if (o instanceof CronJob c && c.getSpec() != null && c.getSpec().getJobTemplate() != null
        && c.getSpec().getJobTemplate().getSpec() != null) {
      t = c.getSpec().getJobTemplate().getSpec().getTemplate();
    }
    return Optional.ofNullable(t);
  }

  public static Optional<PodSpec> podSpec(HasMetadata o) {
    if (o instanceof Pod p) {
      return Optional.ofNullable(p.getSpec());
    }
    return template(o).map(PodTemplateSpec::getSpec);
  }

  /** Containers and init containers. */
  public static List<Container> allContainers(HasMetadata o) {
    List<Container> out = new ArrayList<>();
    podSpec(o).ifPresent(s -> {
      if (s.getInitContainers() != null) {
        out.addAll(s.getInitContainers());
      }
      if (s.getContainers() != null) {
        out.addAll(s.getContainers());
      }
    });
    return out;
  }

  /** The pod template labels (the Pod's own labels for a Pod). */
  public static Map<String, String> podLabels(HasMetadata o) {
    if (o instanceof Pod p) {
      return p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
    }
    return template(o).filter(t -> t.getMetadata() != null && t.getMetadata().getLabels() != null)
        .map(t -> t.getMetadata().getLabels()).orElse(Map.of());
  }

  /** True when every label of {@code selector} is on {@code labels} (an empty selector matches nothing). */
  public static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
  }
}
