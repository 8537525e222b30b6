package io.hostk8s.dev.testbed.ingress;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * cert-manager's objects as generic resources (their CRDs are ours, schema-less), and the few operations the
 * stand-in needs: read a field, write spec and status (a subresource) only when they differ, set a condition.
 */
final class CmObjects {

  static final String CM = "cert-manager.io/v1";
  static final String ACME = "acme.cert-manager.io/v1";

  private final KubernetesClient client;

  CmObjects(KubernetesClient client) {
    this.client = client;
  }

  MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      of(String apiVersion, String kind) {
    return client.genericKubernetesResources(apiVersion, kind);
  }

  GenericKubernetesResource get(String apiVersion, String kind, String namespace, String name) {
    return namespace == null ? of(apiVersion, kind).withName(name).get()
        : of(apiVersion, kind).inNamespace(namespace).withName(name).get();
  }

  static GenericKubernetesResource object(String apiVersion, String kind, String namespace, String name,
      Map<String, Object> spec, OwnerReference owner) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(apiVersion);
    r.setKind(kind);
    ObjectMetaBuilder meta = new ObjectMetaBuilder().withName(name).withNamespace(namespace);
    if (owner != null) {
      meta.withOwnerReferences(owner);
    }
    r.setMetadata(meta.build());
    r.setAdditionalProperty("spec", spec);
    return r;
  }

  static OwnerReference owner(GenericKubernetesResource o) {
    return owner(o.getApiVersion(), o.getKind(), o.getMetadata().getName(), o.getMetadata().getUid());
  }

  static OwnerReference owner(String apiVersion, String kind, String name, String uid) {
    return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name).withUid(uid)
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  /**
   * Creates {@code desired} (spec only, then its status) or brings the live object's spec and status to it;
   * writes nothing that already matches. Returns the live object.
   */
  GenericKubernetesResource upsert(GenericKubernetesResource desired, Map<String, Object> status) {
    GenericKubernetesResource live = get(desired.getApiVersion(), desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName());
    if (live == null) {
      live = resource(desired).create();
    } else if (!Objects.equals(live.getAdditionalProperties().get("spec"), desired.getAdditionalProperties()
        .get("spec"))) {
      live.setAdditionalProperty("spec", desired.getAdditionalProperties().get("spec"));
      live = resource(live).update();
    }
    return status == null ? live : setStatus(live, status);
  }

  /** Writes {@code status} unless equal to the live one (conditions compared without their times). */
  GenericKubernetesResource setStatus(GenericKubernetesResource live, Map<String, Object> status) {
    Map<String, Object> have = map(live.getAdditionalProperties().get("status"));
    if (Conditions.sameIgnoringTimes(have, status)) {
      return live;
    }
    live.setAdditionalProperty("status", Conditions.keepTransitionTimes(have, status));
    return resource(live).updateStatus();
  }

  private Resource<GenericKubernetesResource> resource(GenericKubernetesResource r) {
    var op = of(r.getApiVersion(), r.getKind());
    String ns = r.getMetadata().getNamespace();
    return ns == null ? op.resource(r) : op.inNamespace(ns).resource(r);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  static Map<String, Object> spec(GenericKubernetesResource r) {
    return map(r.getAdditionalProperties().get("spec"));
  }

  static Map<String, Object> status(GenericKubernetesResource r) {
    return map(r.getAdditionalProperties().get("status"));
  }

  static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
