package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The Deployment controller (without ReplicaSets): keeps {@code replicas} pods of the current template, rolls
 * pods of an older template away once the new ones are ready (at once for {@code Recreate}), writes status.
 */
final class DeploymentReconciler {

  private static final Logger LOG = Logger.getLogger(DeploymentReconciler.class.getName());
  static final String HASH_LABEL = "pod-template-hash";

  private final KubernetesClient client;
  private final Predicate<Pod> ready;

  DeploymentReconciler(KubernetesClient client, Predicate<Pod> ready) {
    this.client = client;
    this.ready = ready;
  }

  void reconcile(List<Deployment> deployments, List<Pod> pods) {
    for (Deployment d : deployments) {
      try {
        reconcile(d, pods.stream().filter(p -> ownedBy(p, d)).collect(Collectors.toList()));
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "reconcile of " + d.getMetadata().getName() + " failed (retrying)", e);
      }
    }
  }

  private void reconcile(Deployment d, List<Pod> owned) {
    String ns = d.getMetadata().getNamespace();
    String hash = TemplateHash.of(d.getSpec().getTemplate());
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    List<Pod> current = owned.stream().filter(p -> hash.equals(label(p))).collect(Collectors.toList());
    List<Pod> old = owned.stream().filter(p -> !hash.equals(label(p))).collect(Collectors.toList());
    boolean recreate = d.getSpec().getStrategy() != null && "Recreate".equals(d.getSpec().getStrategy().getType());
    long currentReady = current.stream().filter(ready).count();
    if (!old.isEmpty() && (recreate || currentReady >= replicas)) {
      old.forEach(p -> delete(ns, p));
      old.clear();
    }
    if (!(recreate && !old.isEmpty())) {
      for (int i = current.size(); i < replicas; i++) {
        current.add(client.pods().inNamespace(ns).resource(newPod(d, hash)).create());
      }
    }
    current.sort(Comparator.comparing((Pod p) -> p.getMetadata().getCreationTimestamp(),
        Comparator.nullsFirst(Comparator.<String>naturalOrder())).reversed());
    while (current.size() > replicas) {
      delete(ns, current.remove(0));
    }
    writeStatus(d, current, old, replicas);
  }

  private void writeStatus(Deployment d, List<Pod> current, List<Pod> old, int replicas) {
    int readyCount = (int) (current.stream().filter(ready).count() + old.stream().filter(ready).count());
    long gen = d.getMetadata().getGeneration() == null ? 1 : d.getMetadata().getGeneration();
    boolean available = readyCount >= replicas;
    DeploymentStatus status = new DeploymentStatusBuilder().withObservedGeneration(gen)
        .withReplicas(current.size() + old.size()).withUpdatedReplicas(current.size()).withReadyReplicas(readyCount)
        .withAvailableReplicas(readyCount).withUnavailableReplicas(Math.max(0, replicas - readyCount))
        .addNewCondition().withType("Available").withStatus(available ? "True" : "False")
        .withReason(available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable").endCondition()
        .addNewCondition().withType("Progressing").withStatus("True")
        .withReason(available ? "NewReplicaSetAvailable" : "ReplicaSetUpdated").endCondition()
        .build();
    if (status.equals(d.getStatus())) {
      return;
    }
    client.apps().deployments().inNamespace(d.getMetadata().getNamespace()).withName(d.getMetadata().getName())
        .editStatus(x -> {
          x.setStatus(status);
          return x;
        });
  }

  private Pod newPod(Deployment d, String hash) {
    ObjectMeta tm = d.getSpec().getTemplate().getMetadata() == null ? new ObjectMeta()
        : d.getSpec().getTemplate().getMetadata();
    Map<String, String> labels = new HashMap<>(tm.getLabels() == null ? Map.of() : tm.getLabels());
    labels.put(HASH_LABEL, hash);
    OwnerReference owner = new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
        .withName(d.getMetadata().getName()).withUid(d.getMetadata().getUid()).withController(true)
        .withBlockOwnerDeletion(true).build();
    String name = d.getMetadata().getName() + "-" + hash + "-" + TemplateHash.suffix();
    LOG.info(() -> "deployment " + d.getMetadata().getName() + ": creating pod " + name);
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(d.getMetadata().getNamespace())
        .withLabels(labels).withAnnotations(tm.getAnnotations()).withOwnerReferences(owner).endMetadata()
        .withSpec(d.getSpec().getTemplate().getSpec()).editSpec().withNodeName(SandboxNode.NAME).endSpec()
        .withNewStatus().withPhase("Pending").endStatus().build();
  }

  private void delete(String ns, Pod p) {
    LOG.info(() -> "deleting pod " + p.getMetadata().getName());
    client.pods().inNamespace(ns).withName(p.getMetadata().getName()).delete();
  }

  static boolean ownedBy(Pod p, Deployment d) {
    return p.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> "Deployment".equals(o.getKind()) && d.getMetadata().getUid().equals(o.getUid()));
  }

  private static String label(Pod p) {
    return p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(HASH_LABEL);
  }
}
