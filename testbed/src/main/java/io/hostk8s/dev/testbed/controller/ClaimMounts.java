package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A container's {@code persistentVolumeClaim} mounts: container path → the host directory of the bound PV
 * ({@code spec.hostPath.path}, {@code spec.local.path}, or the {@value #HOST_PATH} annotation a provisioner stand-in
 * writes), so the data outlives the pod. A claim that is missing or not yet bound: {@link Pending}.
 */
final class ClaimMounts {

  static final String HOST_PATH = "sandbox.hostk8s.io/host-path";
  static final String PENDING_REASON = "ContainerCreating";

  /** The pod cannot start yet: a claim is not bound (the kubelet re-checks shortly). */
  static final class Pending extends Exception {
    Pending(String message) {
      super(message);
    }
  }

  private ClaimMounts() {
  }

  static Map<String, Path> resolve(KubernetesClient client, Pod pod, Container c) throws Pending, IOException {
    Map<String, Path> out = new LinkedHashMap<>();
    String ns = pod.getMetadata().getNamespace();
    for (VolumeMount vm : c.getVolumeMounts()) {
      Optional<Volume> vol = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals(vm.getName()))
          .filter(v -> v.getPersistentVolumeClaim() != null).findFirst();
      if (vol.isEmpty()) {
        continue;
      }
      String claim = vol.get().getPersistentVolumeClaim().getClaimName();
      PersistentVolumeClaim pvc = client.persistentVolumeClaims().inNamespace(ns).withName(claim).get();
      if (pvc == null) {
        throw new Pending("persistentvolumeclaim \"" + claim + "\" not found");
      }
      String pvName = pvc.getSpec().getVolumeName();
      boolean bound = pvc.getStatus() != null && "Bound".equals(pvc.getStatus().getPhase());
      PersistentVolume pv = pvName == null || !bound ? null : client.persistentVolumes().withName(pvName).get();
      Path dir = pv == null ? null : hostDir(pv);
      if (dir == null) {
        throw new Pending("waiting for persistentvolumeclaim \"" + claim + "\" to be bound to a volume");
      }
      Path real = dir.toRealPath();
      Path target = vm.getSubPath() == null || vm.getSubPath().isEmpty() ? real : real.resolve(vm.getSubPath());
      Files.createDirectories(target);
      out.put(vm.getMountPath().replaceFirst("/+$", ""), target);
    }
    return out;
  }

  private static Path hostDir(PersistentVolume pv) {
    if (pv.getSpec().getHostPath() != null) {
      return Path.of(pv.getSpec().getHostPath().getPath());
    }
    if (pv.getSpec().getLocal() != null) {
      return Path.of(pv.getSpec().getLocal().getPath());
    }
    Map<String, String> a = pv.getMetadata().getAnnotations();
    String p = a == null ? null : a.get(HOST_PATH);
    return p == null || !Files.isDirectory(Path.of(p)) ? null : Path.of(p);
  }

  /** The host dir behind {@code containerPath} when it lies on one of {@code mounts}, if it does. */
  static Optional<Path> under(Map<String, Path> mounts, String containerPath) {
    String cp = containerPath.replaceFirst("/+$", "");
    for (Map.Entry<String, Path> m : mounts.entrySet()) {
      if (cp.equals(m.getKey())) {
        return Optional.of(m.getValue());
      }
      if (cp.startsWith(m.getKey() + "/")) {
        return Optional.of(m.getValue().resolve(cp.substring(m.getKey().length() + 1)));
      }
    }
    return Optional.empty();
  }
}
