package io.hostk8s.dev.testbed.digitalocean.csi;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatus;
import io.fabric8.kubernetes.api.model.PersistentVolumeStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** The PV controller's part: a provisioned PV and its claim bound to each other, both {@code Bound}. */
final class ClaimBinding {

  private ClaimBinding() {
  }

  static void bind(KubernetesClient client, PersistentVolumeClaim pvc, PersistentVolume pv) {
    String pvName = pv.getMetadata().getName();
    if (pv.getStatus() == null || !"Bound".equals(pv.getStatus().getPhase())) {
      client.persistentVolumes().withName(pvName).editStatus(x -> {
        PersistentVolumeStatus st = new PersistentVolumeStatus();
        st.setPhase("Bound");
        x.setStatus(st);
        return x;
      });
    }
    String ns = pvc.getMetadata().getNamespace();
    String name = pvc.getMetadata().getName();
    if (!pvName.equals(pvc.getSpec().getVolumeName())) {
      client.persistentVolumeClaims().inNamespace(ns).withName(name).edit(x -> {
        x.getSpec().setVolumeName(pvName);
        Map<String, String> a = new HashMap<>(Objects.requireNonNullElse(x.getMetadata().getAnnotations(),
            Map.of()));
        a.put("pv.kubernetes.io/bind-completed", "yes");
        a.put("pv.kubernetes.io/bound-by-controller", "yes");
        a.put("volume.kubernetes.io/storage-provisioner", BlockStorageClass.PROVISIONER);
        x.getMetadata().setAnnotations(a);
        return x;
      });
    }
    if (pvc.getStatus() == null || !"Bound".equals(pvc.getStatus().getPhase())) {
      client.persistentVolumeClaims().inNamespace(ns).withName(name).editStatus(x -> {
        PersistentVolumeClaimStatus st = new PersistentVolumeClaimStatus();
        st.setPhase("Bound");
        st.setAccessModes(pv.getSpec().getAccessModes());
        st.setCapacity(pv.getSpec().getCapacity());
        x.setStatus(st);
        return x;
      });
    }
  }
}
