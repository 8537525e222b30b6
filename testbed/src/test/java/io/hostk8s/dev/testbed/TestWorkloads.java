package io.hostk8s.dev.testbed;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Deployments used by the self-tests. */
final class TestWorkloads {

  static final String NS = "t";

  /** A python echo server on $PORT: every byte received is sent back. */
  static final String ECHO = "exec /usr/bin/python3 -u -c \"\n"
      + "import socket, threading, os\n"
      + "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
      + "s.bind(('127.0.0.1', int(os.environ['PORT']))); s.listen(16)\n"
      + "def serve(c):\n"
      + "    while True:\n"
      + "        b = c.recv(65536)\n"
      + "        if not b: break\n"
      + "        c.sendall(b)\n"
      + "    c.close()\n"
      + "while True:\n"
      + "    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()\n"
      + "\"";

  private TestWorkloads() {
  }

  static void namespace(KubernetesClient client) {
    Namespace ns = new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build();
    client.namespaces().resource(ns).createOr(n -> n.update());
  }

  /** A one-replica Deployment running {@code script} with {@code sh -c}, declaring {@code ports}. */
  static Deployment command(String name, String script, int... ports) {
    DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name)
        .addToAnnotations("sandbox.hostk8s.io/command", script).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage("localhost:5000/test-" + name + ":1")
        .withWorkingDir("/srv/app").endContainer().endSpec().endTemplate().endSpec();
    Deployment d = b.build();
    for (int p : ports) {
      d.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts()
          .add(new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withContainerPort(p).build());
    }
    return d;
  }
}
