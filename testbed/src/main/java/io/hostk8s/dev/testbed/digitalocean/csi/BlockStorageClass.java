package io.hostk8s.dev.testbed.digitalocean.csi;

import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The StorageClass every DOKS cluster ships: {@value #NAME}, the default class, provisioned by the CSI driver. */
public final class BlockStorageClass {

  public static final String NAME = "do-block-storage";
  public static final String PROVISIONER = "dobs.csi.digitalocean.com";

  private BlockStorageClass() {
  }

  /** Creates (or keeps) the class in a fresh cluster. */
  public static void install(KubernetesClient client) {
    client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(NAME)
        .addToAnnotations("storageclass.kubernetes.io/is-default-class", "true")
        .addToLabels("c3.digitalocean.com/component", "csi-controller-service").endMetadata()
        .withProvisioner(PROVISIONER).withReclaimPolicy("Delete").withVolumeBindingMode("Immediate")
        .withAllowVolumeExpansion(true).build()).createOr(op -> op.update());
  }
}
