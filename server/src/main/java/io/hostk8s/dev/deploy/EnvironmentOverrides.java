package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.hostk8s.dev.config.EnvironmentConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies one environment of {@code environments} (hostk8s.dev.yaml) to rendered manifests: a service's replicas and
 * container resources (its Deployment or StatefulSet: named like it, or whose pod labels its selector matches), the
 * Ingress host, and Secret values from the deploying process's environment. The same step for deploy (local) and
 * publish (cloud); returns one line per change.
 */
public final class EnvironmentOverrides {
  /** The objects with the environment applied, and what changed. */
  public record Result(List<HasMetadata> objects, List<String> changes) {}

  private EnvironmentOverrides() {}

  public static Result apply(List<HasMetadata> objects, EnvironmentConfig env, Map<String, ServiceConfig> services,
      Map<String, String> processEnv) {
    List<String> changes = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (o instanceof Deployment d && d.getSpec() != null) {
        workload(d.getMetadata().getName(), d.getSpec().getTemplate(), env, services, changes, r -> d.getSpec().setReplicas(r));
      } else if (o instanceof StatefulSet s && s.getSpec() != null) {
        workload(s.getMetadata().getName(), s.getSpec().getTemplate(), env, services, changes, r -> s.getSpec().setReplicas(r));
      } else if (o instanceof Ingress i && env.ingressHost() != null && i.getSpec() != null) {
        ingress(i, env.ingressHost(), changes);
      } else if (o instanceof Secret s) {
        secret(s, env.secrets().getOrDefault(s.getMetadata().getName(), Map.of()), processEnv, changes);
      }
    }
    return new Result(objects, changes);
  }

  private static void workload(String name, PodTemplateSpec template, EnvironmentConfig env,
      Map<String, ServiceConfig> services, List<String> changes, java.util.function.IntConsumer replicas) {
    String service = serviceOf(name, template, services);
    EnvironmentConfig.ServiceOverride o = env.services().get(service);
    if (o == null || template == null || template.getSpec() == null) {
      return;
    }
    if (o.replicas() != null) {
      replicas.accept(o.replicas());
      changes.add(service + ": replicas " + o.replicas());
    }
    if (!o.requests().isEmpty() || !o.limits().isEmpty()) {
      ServiceConfig sc = services.get(service);
      List<Container> containers = template.getSpec().getContainers();
      Container c = containers.stream().filter(x -> sc != null && x.getName().equals(sc.container())).findFirst()
          .orElse(containers.isEmpty() ? null : containers.get(0));
      if (c != null) {
        ResourceRequirements r = c.getResources() == null ? new ResourceRequirements() : c.getResources();
        r.setRequests(merged(r.getRequests(), o.requests()));
        r.setLimits(merged(r.getLimits(), o.limits()));
        c.setResources(r);
        changes.add(service + ": resources " + (o.requests().isEmpty() ? "" : "requests " + o.requests() + " ")
            + (o.limits().isEmpty() ? "" : "limits " + o.limits()));
      }
    }
  }

  /** The service a workload belongs to: a configured one whose selector its pod labels match, else its own name. */
  private static String serviceOf(String name, PodTemplateSpec template, Map<String, ServiceConfig> services) {
    Map<String, String> labels = template == null || template.getMetadata() == null || template.getMetadata().getLabels() == null
        ? Map.of() : template.getMetadata().getLabels();
    if (services.containsKey(name)) {
      return name;
    }
    return services.entrySet().stream().filter(e -> !e.getValue().selector().isEmpty()
        && labels.entrySet().containsAll(e.getValue().selector().entrySet())).map(Map.Entry::getKey).findFirst().orElse(name);
  }

  private static Map<String, Quantity> merged(Map<String, Quantity> base, Map<String, String> over) {
    Map<String, Quantity> out = new LinkedHashMap<>(base == null ? Map.of() : base);
    over.forEach((k, v) -> out.put(k, new Quantity(v)));
    return out.isEmpty() ? null : out;
  }

  private static void ingress(Ingress i, String host, List<String> changes) {
    if (i.getSpec().getRules() != null) {
      i.getSpec().getRules().forEach(r -> r.setHost(host));
    }
    if (i.getSpec().getTls() != null) {
      for (IngressTLS t : i.getSpec().getTls()) {
        t.setHosts(List.of(host));
      }
    }
    changes.add("ingress " + i.getMetadata().getName() + ": host " + host);
  }

  private static void secret(Secret s, Map<String, EnvironmentConfig.SecretSource> keys, Map<String, String> processEnv,
      List<String> changes) {
    keys.forEach((key, source) -> {
      String value = processEnv.get(source.env());
      if (value == null || value.isEmpty()) {
        throw HostK8sException.user(ErrorCode.TARGET_SECRET_SOURCE_MISSING, "Secret " + s.getMetadata().getName() + " key "
            + key + " comes from the environment variable " + source.env() + ", which is not set.",
            "Set " + source.env() + " in the environment of the command (or the IDE) that deploys.");
      }
      Map<String, String> data = new LinkedHashMap<>(s.getData() == null ? Map.of() : s.getData());
      data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
      s.setData(data);
      if (s.getStringData() != null && s.getStringData().containsKey(key)) {
        Map<String, String> plain = new LinkedHashMap<>(s.getStringData());
        plain.remove(key);
        s.setStringData(plain);
      }
      changes.add("secret " + s.getMetadata().getName() + "/" + key + ": from $" + source.env()); // the name, never the value
    });
  }
}
