package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/** Small helpers over fabric8 objects: naming, cluster scope, apply order. */
public final class KubeObjects {
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "Node", "PersistentVolume", "ClusterRole",
      "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "IngressClass", "PriorityClass",
      "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "RuntimeClass", "CSIDriver");

  private KubeObjects() {}

  public static boolean namespaced(HasMetadata o) {
    return !CLUSTER_SCOPED.contains(o.getKind());
  }

  public static String describe(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getName();
  }

  /**
   * Apply rank: namespaces, then definitions and configuration, then workloads, then the rest; stable within
   * a rank (kubectl-like order so that referenced objects exist first).
   */
  public static int rank(HasMetadata o) {
    return switch (o.getKind()) {
      case "Namespace" -> 0;
      case "CustomResourceDefinition" -> 1;
      case "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding" -> 2;
      case "ConfigMap", "Secret", "PersistentVolume", "PersistentVolumeClaim", "StorageClass" -> 3;
      case "Service" -> 4;
      case "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet", "Pod" -> 5;
      default -> 6;
    };
  }
}
