package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Flux (HostK8s stacks) reconciles the objects it owns back to Git: whatever we apply would be reverted within
 * its interval. Detects ownership from the live objects' labels {@value #NAME_LABEL} / {@value #NAMESPACE_LABEL},
 * and suspends/resumes the owning {@code kustomize.toolkit.fluxcd.io/v1} Kustomization through fabric8's
 * generic resource API ({@code spec.suspend}).
 */
public final class FluxGuard {
  public static final String NAME_LABEL = "kustomize.toolkit.fluxcd.io/name";
  public static final String NAMESPACE_LABEL = "kustomize.toolkit.fluxcd.io/namespace";
  public static final ResourceDefinitionContext KUSTOMIZATION = new ResourceDefinitionContext.Builder()
      .withGroup("kustomize.toolkit.fluxcd.io").withVersion("v1").withKind("Kustomization").withPlural("kustomizations")
      .withNamespaced(true).build();
  private static final Logger LOG = Logger.getLogger(FluxGuard.class.getName());
  private final KubernetesClient client;

  public FluxGuard(KubernetesClient client) {
    this.client = client;
  }

  /** The Kustomizations owning live versions of {@code objects} (objects not in the cluster yet are skipped). */
  public List<FluxKustomization> owners(List<HasMetadata> objects) {
    Map<String, List<String>> owned = new LinkedHashMap<>();
    Map<String, String[]> refs = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      HasMetadata live;
      try {
        live = client.resource(o).get();
      } catch (RuntimeException e) {
        LOG.fine(() -> "cannot read " + KubeObjects.describe(o) + ": " + e.getMessage());
        continue;
      }
      Map<String, String> labels = live == null || live.getMetadata().getLabels() == null ? Map.of() : live.getMetadata().getLabels();
      String name = labels.get(NAME_LABEL);
      if (name != null) {
        String ns = labels.getOrDefault(NAMESPACE_LABEL, "flux-system");
        refs.put(ns + "/" + name, new String[] {name, ns});
        owned.computeIfAbsent(ns + "/" + name, k -> new ArrayList<>()).add(KubeObjects.describe(o));
      }
    }
    List<FluxKustomization> out = new ArrayList<>();
    refs.forEach((k, v) -> out.add(new FluxKustomization(v[0], v[1], owned.get(k))));
    return List.copyOf(out);
  }

  /** The error for Flux-owned targets when suspending was not asked for. */
  public static HostK8sException ownedError(List<FluxKustomization> owners) {
    StringBuilder sb = new StringBuilder("These objects are managed by Flux and it would revert our changes: ");
    for (FluxKustomization f : owners) {
      sb.append("Kustomization ").append(f.ref()).append(" owns ").append(String.join(", ", f.owns())).append(". ");
    }
    return HostK8sException.user(ErrorCode.FLUX_OWNED, sb.toString().strip(),
        "Run 'hostk8s-dev deploy --suspend-flux' (command argument suspendFlux: true): the Kustomization is suspended "
            + "now and resumed when the dev session stops. Or suspend it yourself: flux suspend kustomization <name> -n <namespace>.");
  }

  public boolean isSuspended(String name, String namespace) {
    GenericKubernetesResource k = kustomization(name, namespace);
    Object spec = k.getAdditionalProperties().get("spec");
    return spec instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("suspend"));
  }

  /** Sets {@code spec.suspend: true}; returns false when it was already suspended (nothing to resume later). */
  public boolean suspend(String name, String namespace) {
    return setSuspend(name, namespace, true, "suspend");
  }

  /** Sets {@code spec.suspend: false}; returns false when it was not suspended. */
  public boolean resume(String name, String namespace) {
    return setSuspend(name, namespace, false, "resume");
  }

  private boolean setSuspend(String name, String namespace, boolean value, String action) {
    try {
      if (isSuspended(name, namespace) == value) {
        return false;
      }
      client.genericKubernetesResources(KUSTOMIZATION).inNamespace(namespace).withName(name)
          .edit(k -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) k.getAdditionalProperties()
                .computeIfAbsent("spec", x -> new LinkedHashMap<String, Object>());
            spec.put("suspend", value);
            return k;
          });
      LOG.info(() -> action + "ed Flux Kustomization " + namespace + "/" + name);
      return true;
    } catch (HostK8sException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DeployErrors.fluxFailed(action, namespace + "/" + name, e);
    }
  }

  private GenericKubernetesResource kustomization(String name, String namespace) {
    GenericKubernetesResource k;
    try {
      k = client.genericKubernetesResources(KUSTOMIZATION).inNamespace(namespace).withName(name).get();
    } catch (RuntimeException e) {
      throw DeployErrors.fluxFailed("read", namespace + "/" + name, e);
    }
    if (k == null) {
      throw DeployErrors.fluxFailed("find", namespace + "/" + name, new IllegalStateException("no such Kustomization"));
    }
    return k;
  }
}
