package io.hostk8s.dev.testbed.controller;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The one Node of the sandbox, Ready. */
final class SandboxNode {

  static final String NAME = "sandbox-control-plane";

  private SandboxNode() {
  }

  static void register(KubernetesClient client) {
    Node node = new NodeBuilder().withNewMetadata().withName(NAME)
        .addToLabels("kubernetes.io/hostname", NAME).addToLabels("node-role.kubernetes.io/control-plane", "")
        .endMetadata()
        .withNewStatus()
        .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
        .withMessage("sandbox kubelet is posting ready status").endCondition()
        .addNewAddress().withType("InternalIP").withAddress("127.0.0.1").endAddress()
        .addNewAddress().withType("Hostname").withAddress(NAME).endAddress()
        .withNewNodeInfo().withKubeletVersion("v1.33.0-sandbox").withOperatingSystem("linux")
        .withArchitecture(System.getProperty("os.arch")).withContainerRuntimeVersion("hostk8s-sandbox://local")
        .endNodeInfo()
        .endStatus().build();
    client.nodes().resource(node).create();
  }
}
