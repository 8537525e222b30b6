package io.hostk8s.dev.testbed.digitalocean.csi;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.digitalocean.Account;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The CSI driver stand-in of one DOKS cluster ({@value BlockStorageClass#PROVISIONER}): a PVC of class
 * {@value BlockStorageClass#NAME} (or of no class: it is the default) gets a volume in the account named
 * {@code pvc-<uid>}, a directory that is the volume ({@link VolumeDirs}), and a PV {@code pvc-<uid>} bound to it
 * (the PV's {@value #HOST_PATH} annotation tells the sandbox kubelet where the data is). The volume is attached
 * (its {@code droplet_ids}) while a pod uses the claim. PVC deleted: reclaim Delete — PV, volume and data gone.
 */
public final class VolumeProvisioner {

  /** The PV annotation naming the host directory of the volume (read by the sandbox kubelet). */
  public static final String HOST_PATH = "sandbox.hostk8s.io/host-path";
  static final String PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
  private static final long GIB = 1L << 30;
  private static final Logger LOG = Logger.getLogger(VolumeProvisioner.class.getName());

  private final Account account;
  private final String clusterId;
  private final Sandbox sandbox;
  private final VolumeDirs dirs;
  private final Map<String, List<Long>> attached = new ConcurrentHashMap<>();

  public VolumeProvisioner(Account account, String clusterId, Sandbox sandbox, VolumeDirs dirs) {
    this.account = account;
    this.clusterId = clusterId;
    this.sandbox = sandbox;
    this.dirs = dirs;
  }

  /** One pass over the cluster's claims and volumes. */
  public synchronized void reconcile() {
    KubernetesClient client = sandbox.client();
    List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inAnyNamespace().list().getItems();
    Map<String, PersistentVolume> pvs = client.persistentVolumes().list().getItems().stream()
        .filter(pv -> BlockStorageClass.PROVISIONER.equals(annotations(pv.getMetadata().getAnnotations())
            .get(PROVISIONED_BY)))
        .collect(Collectors.toMap(pv -> pv.getMetadata().getName(), pv -> pv));
    List<Pod> pods = client.pods().inAnyNamespace().list().getItems();
    for (PersistentVolumeClaim pvc : claims) {
      String cls = Objects.requireNonNullElse(pvc.getSpec().getStorageClassName(), BlockStorageClass.NAME);
      if (!BlockStorageClass.NAME.equals(cls) || pvc.getMetadata().getDeletionTimestamp() != null) {
        continue;
      }
      PersistentVolume pv = pvs.get(pvName(pvc));
      if (pv == null) {
        pv = provision(client, pvc);
      }
      String volumeId = pv.getSpec().getCsi().getVolumeHandle();
      ClaimBinding.bind(client, pvc, pv);
      attach(volumeId, inUse(pods, pvc));
    }
    Set<String> liveClaims = claims.stream().map(c -> c.getMetadata().getUid()).collect(Collectors.toSet());
    for (PersistentVolume pv : pvs.values()) {
      if (pv.getSpec().getClaimRef() != null && !liveClaims.contains(pv.getSpec().getClaimRef().getUid())) {
        reclaim(client, pv);
      }
    }
  }

  private PersistentVolume provision(KubernetesClient client, PersistentVolumeClaim pvc) {
    String region = account.clusterRegion(clusterId).orElseThrow(() -> new IllegalStateException("cluster gone"));
    String name = pvName(pvc);
    int gib = sizeGib(pvc.getSpec().getResources().getRequests().get("storage"));
    String id = account.addVolume(clusterId, name, region, gib);
    Path dir = dirs.create(id);
    PersistentVolume pv = client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata()
        .withName(name).addToAnnotations(PROVISIONED_BY, BlockStorageClass.PROVISIONER)
        .addToAnnotations(HOST_PATH, dir.toString()).endMetadata()
        .withNewSpec().withAccessModes(pvc.getSpec().getAccessModes())
        .addToCapacity("storage", new Quantity(gib + "Gi")).withPersistentVolumeReclaimPolicy("Delete")
        .withStorageClassName(BlockStorageClass.NAME).withVolumeMode("Filesystem")
        .withNewClaimRef().withKind("PersistentVolumeClaim").withApiVersion("v1")
        .withNamespace(pvc.getMetadata().getNamespace()).withName(pvc.getMetadata().getName())
        .withUid(pvc.getMetadata().getUid()).endClaimRef()
        .withNewCsi().withDriver(BlockStorageClass.PROVISIONER).withFsType("ext4").withVolumeHandle(id)
        .addToVolumeAttributes("com.digitalocean.csi/noformat", "false").endCsi().endSpec().build())
        .createOr(op -> op.update());
    LOG.info(() -> "cluster " + clusterId + ": volume " + name + " (" + id + ", " + gib + " GiB) for PVC "
        + pvc.getMetadata().getNamespace() + "/" + pvc.getMetadata().getName() + " at " + dir);
    return pv;
  }

  private void attach(String volumeId, boolean used) {
    List<Long> droplets = used ? account.clusterDropletIds(clusterId).stream().limit(1).toList() : List.of();
    if (!droplets.equals(attached.get(volumeId)) && account.attachVolume(volumeId, droplets)) {
      attached.put(volumeId, droplets);
    }
  }

  private void reclaim(KubernetesClient client, PersistentVolume pv) {
    String id = pv.getSpec().getCsi().getVolumeHandle();
    account.removeVolume(id);
    dirs.delete(id);
    attached.remove(id);
    client.persistentVolumes().withName(pv.getMetadata().getName()).delete();
    LOG.info(() -> "cluster " + clusterId + ": volume " + id + " deleted with its claim (reclaim policy Delete)");
  }

  private static boolean inUse(List<Pod> pods, PersistentVolumeClaim pvc) {
    return pods.stream().filter(p -> p.getMetadata().getNamespace().equals(pvc.getMetadata().getNamespace()))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .flatMap(p -> p.getSpec().getVolumes().stream())
        .anyMatch(v -> v.getPersistentVolumeClaim() != null
            && pvc.getMetadata().getName().equals(v.getPersistentVolumeClaim().getClaimName()));
  }

  /** Whole GiB, rounded up, at least 1 (DigitalOcean volumes are sized in GiB). */
  static int sizeGib(Quantity q) {
    if (q == null) {
      return 1;
    }
    BigDecimal bytes = Quantity.getAmountInBytes(q);
    return Math.max(1, bytes.divide(BigDecimal.valueOf(GIB), 0, RoundingMode.CEILING).intValueExact());
  }

  static String pvName(PersistentVolumeClaim pvc) {
    return "pvc-" + pvc.getMetadata().getUid();
  }

  private static Map<String, String> annotations(Map<String, String> a) {
    return a == null ? Map.of() : a;
  }
}
