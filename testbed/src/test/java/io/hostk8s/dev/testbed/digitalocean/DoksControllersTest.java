package io.hostk8s.dev.testbed.digitalocean;

import static io.hostk8s.dev.testbed.digitalocean.DoksClusters.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.testbed.prism.Prism;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in DOKS clusters' CCM and CSI: Services of type LoadBalancer and do-block-storage PVCs become load
 * balancers and volumes in the account, read back through Prism's validating proxy of DigitalOcean's spec.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DoksControllersTest {

  static final String NS = "apps";
  static final Duration T = Duration.ofSeconds(60);
  /** Echoes every byte back on $PORT (the sandbox's command recipe). */
  static final String ECHO = "exec /usr/bin/python3 -u -c \"\n"
      + "import socket, threading, os\n"
      + "s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n"
      + "s.bind(('127.0.0.1', int(os.environ['PORT']))); s.listen(16)\n"
      + "def serve(c):\n"
      + "    b = c.recv(65536)\n"
      + "    c.sendall(b); c.close()\n"
      + "while True:\n"
      + "    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()\n"
      + "\"";

  @TempDir
  static Path state;
  static DigitalOceanStandIn standIn;
  static Prism prism;
  static Api api;
  static String clusterId;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    Path workspace = Path.of("..").toAbsolutePath().normalize();
    standIn = DigitalOceanStandIn.start(DigitalOceanStandInOptions.of(workspace, state).withProvisionSeconds(0.5));
    prism = Prism.proxy(standIn.baseUrl());
    api = new Api(prism.baseUrl(), Api.TOKEN);
    clusterId = DoksClusters.create(api, "ctl");
    client = DoksClusters.client(api, clusterId);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (prism != null) {
      assertThat(prism.violations()).as("contract violations in " + prism.log()).isEmpty();
      prism.close();
    }
    standIn.close();
  }

  @Test
  void aLoadBalancerServiceGetsAnActiveLoadBalancerThatReachesItsPodsAndGoesWithIt() throws Exception {
    client.resource(echo("echo")).create();
    client.resource(loadBalancer("echo", "echo-lb", 80, 7000)).create();

    Service svc = await("Service ingress", () -> client.services().inNamespace(NS).withName("echo").get(),
        s -> s.getStatus() != null && s.getStatus().getLoadBalancer() != null
            && !s.getStatus().getLoadBalancer().getIngress().isEmpty(), T);
    String ip = svc.getStatus().getLoadBalancer().getIngress().get(0).getIp();
    String lbId = svc.getMetadata().getAnnotations().get("kubernetes.digitalocean.com/load-balancer-id");
    assertThat(ip).startsWith("127.0.0.");
    assertThat(lbId).isNotBlank();

    JsonNode lb = api.get("/v2/load_balancers/" + lbId).json().get("load_balancer");
    assertThat(lb.get("name").asText()).isEqualTo("echo-lb");
    assertThat(lb.get("status").asText()).isEqualTo("active");
    assertThat(lb.get("ip").asText()).isEqualTo(ip);
    assertThat(lb.get("tag").asText()).isEqualTo("k8s:" + clusterId);
    assertThat(lb.get("size_unit").asInt()).isEqualTo(1);
    assertThat(lb.at("/region/slug").asText()).isEqualTo("fra1");
    assertThat(lb.at("/forwarding_rules/0/entry_port").asInt()).isEqualTo(80);
    assertThat(lb.at("/forwarding_rules/0/entry_protocol").asText()).isEqualTo("tcp");
    assertThat(lb.get("droplet_ids")).hasSize(1);
    assertThat(DoksClusters.byId(api.get("/v2/load_balancers?per_page=200").json(), "load_balancers", lbId))
        .isNotNull();
    assertThat(api.get("/v2/kubernetes/clusters/" + clusterId + "/destroy_with_associated_resources").json()
        .get("load_balancers").findValuesAsText("id")).contains(lbId);

    await("an echo through " + ip + ":80", () -> echoThrough(ip, 80, "ping"), "ping"::equals, T);

    client.services().inNamespace(NS).withName("echo").delete();
    await("LB deleted", () -> api.get("/v2/load_balancers/" + lbId).status(), s -> s == 404, T);
    await(ip + ":80 closed", () -> echoThrough(ip, 80, "x"), r -> r.startsWith("refused"), T);
    client.apps().deployments().inNamespace(NS).withName("echo").delete();
  }

  @Test
  void whileStuckALoadBalancerStaysNewWithoutAnIpThenBecomesActive() throws Exception {
    standIn.loadBalancersStuck(true);
    try {
      client.resource(loadBalancer("stuck", null, 8081, 8081)).create();
      String uid = client.services().inNamespace(NS).withName("stuck").get().getMetadata().getUid();
      String name = "a" + uid.replace("-", "").substring(0, 31);
      JsonNode lb = await("LB new", () -> named(name), n -> n != null, T);
      Thread.sleep(2000);
      lb = named(name);
      assertThat(lb.get("status").asText()).isEqualTo("new");
      assertThat(lb.get("ip").asText()).isEmpty();
      Service svc = client.services().inNamespace(NS).withName("stuck").get();
      assertThat(svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null
          || svc.getStatus().getLoadBalancer().getIngress().isEmpty()).isTrue();
    } finally {
      standIn.loadBalancersStuck(false);
    }
    String uid = client.services().inNamespace(NS).withName("stuck").get().getMetadata().getUid();
    String name = "a" + uid.replace("-", "").substring(0, 31);
    await("LB active after the switch", () -> named(name), n -> "active".equals(n.get("status").asText()), T);
    client.services().inNamespace(NS).withName("stuck").delete();
    await("LB deleted", () -> named(name), n -> n == null, T);
  }

  @Test
  void aBlockStorageClaimIsAVolumeWhoseDataOutlivesThePodAndGoesWithTheClaim() throws Exception {
    assertThat(client.storage().v1().storageClasses().withName("do-block-storage").get().getReclaimPolicy())
        .isEqualTo("Delete");
    client.resource(claim("data", "1500Mi")).create();
    PersistentVolumeClaim pvc = await("PVC bound", () -> client.persistentVolumeClaims().inNamespace(NS)
        .withName("data").get(), c -> c.getStatus() != null && "Bound".equals(c.getStatus().getPhase()), T);
    String volumeName = "pvc-" + pvc.getMetadata().getUid();
    assertThat(pvc.getSpec().getVolumeName()).isEqualTo(volumeName);
    assertThat(client.persistentVolumes().withName(volumeName).get().getStatus().getPhase()).isEqualTo("Bound");
    JsonNode vol = api.get("/v2/volumes?name=" + volumeName).json().get("volumes").get(0);
    String volumeId = vol.get("id").asText();
    assertThat(vol.get("size_gigabytes").asInt()).isEqualTo(2);
    assertThat(vol.at("/region/slug").asText()).isEqualTo("fra1");
    assertThat(vol.get("droplet_ids")).isEmpty();
    Path dir = standIn.volumeDir(volumeId);
    assertThat(dir).isDirectory();

    client.resource(writer("writer", "data")).create();
    await("first start written", () -> read(dir.resolve("starts")), s -> s.lines().count() == 1, T);
    await("the volume attached to the node", () -> api.get("/v2/volumes/" + volumeId).json().at("/volume/droplet_ids"),
        ids -> ids.size() == 1, T); // the CSI stand-in attaches on its next round, not with the pod's first write
    Pod first = client.pods().inNamespace(NS).withLabel("app", "writer").list().getItems().get(0);
    client.pods().inNamespace(NS).withName(first.getMetadata().getName()).delete();
    await("the new pod appended to the same volume", () -> read(dir.resolve("starts")),
        s -> s.lines().count() == 2, T);

    client.apps().deployments().inNamespace(NS).withName("writer").delete();
    client.persistentVolumeClaims().inNamespace(NS).withName("data").delete();
    await("volume deleted", () -> api.get("/v2/volumes/" + volumeId).status(), s -> s == 404, T);
    await("data deleted", () -> Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS), e -> !e, T);
    await("PV deleted", () -> client.persistentVolumes().withName(volumeName).get(), pv -> pv == null, T);
  }

  @Test
  void destroyingAClusterTakesTheNamedResourcesAndLeavesTheOthers() throws Exception {
    String named = DoksClusters.create(api, "selective");
    String none = DoksClusters.create(api, "orphans");
    Map<String, String[]> made = new java.util.HashMap<>();
    for (String id : List.of(named, none)) {
      try (KubernetesClient c = DoksClusters.client(api, id)) {
        c.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
            .create();
        c.resource(loadBalancer("front", null, 9000 + made.size(), 9000)).create();
        c.resource(claim("keep", "1Gi")).create();
        Service s = await("LB of " + id, () -> c.services().inNamespace(NS).withName("front").get(),
            x -> x.getMetadata().getAnnotations() != null
                && x.getMetadata().getAnnotations().containsKey("kubernetes.digitalocean.com/load-balancer-id"), T);
        PersistentVolumeClaim p = await("volume of " + id, () -> c.persistentVolumeClaims().inNamespace(NS)
            .withName("keep").get(), x -> x.getSpec().getVolumeName() != null, T);
        String volumeId = api.get("/v2/volumes?name=" + p.getSpec().getVolumeName()).json()
            .at("/volumes/0/id").asText();
        made.put(id, new String[] {s.getMetadata().getAnnotations()
            .get("kubernetes.digitalocean.com/load-balancer-id"), volumeId});
      }
    }
    assertThat(api.send("DELETE", "/v2/kubernetes/clusters/" + named
        + "/destroy_with_associated_resources/selective", Map.of("load_balancers", List.of(made.get(named)[0]),
        "volumes", List.of(made.get(named)[1]))).status()).isEqualTo(204);
    assertThat(api.send("DELETE", "/v2/kubernetes/clusters/" + none
        + "/destroy_with_associated_resources/selective", Map.of("load_balancers", List.of(),
        "volumes", List.of())).status()).isEqualTo(204);
    for (String id : List.of(named, none)) {
      await("cluster gone", () -> api.get("/v2/kubernetes/clusters/" + id).status(), s -> s == 404, T);
    }
    assertThat(api.get("/v2/load_balancers/" + made.get(named)[0]).status()).isEqualTo(404);
    assertThat(api.get("/v2/volumes/" + made.get(named)[1]).status()).isEqualTo(404);
    assertThat(api.get("/v2/load_balancers/" + made.get(none)[0]).json().at("/load_balancer/status").asText())
        .as("an orphan, as on DigitalOcean").isEqualTo("active");
    assertThat(api.get("/v2/volumes/" + made.get(none)[1]).status()).isEqualTo(200);
  }

  private static JsonNode named(String name) {
    for (JsonNode lb : api.get("/v2/load_balancers?per_page=200").json().get("load_balancers")) {
      if (name.equals(lb.get("name").asText())) {
        return lb;
      }
    }
    return null;
  }

  static String echoThrough(String ip, int port, String text) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ip, port), 2000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] b = in.readNBytes(text.length());
      return new String(b, StandardCharsets.UTF_8);
    } catch (java.net.ConnectException e) {
      return "refused: " + e.getMessage();
    } catch (java.io.IOException e) {
      return "failed: " + e;
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static Deployment echo(String name) {
    return command(name, ECHO, 7000, null);
  }

  /** Appends a line to {@code /data/starts} at every start, then sleeps. */
  private static Deployment writer(String name, String claim) {
    return command(name, "echo started >> /data/starts; exec sleep 600", null, claim);
  }

  private static Deployment command(String name, String script, Integer port, String claim) {
    DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", name)
        .addToAnnotations("sandbox.hostk8s.io/command", script).endMetadata()
        .withNewSpec().addNewContainer().withName(name).withImage("example/" + name + ":1").endContainer()
        .endSpec().endTemplate().endSpec();
    Deployment d = b.build();
    var pod = d.getSpec().getTemplate().getSpec();
    if (port != null) {
      pod.getContainers().get(0).getPorts().add(new io.fabric8.kubernetes.api.model.ContainerPortBuilder()
          .withContainerPort(port).build());
    }
    if (claim != null) {
      pod.getContainers().get(0).getVolumeMounts().add(new io.fabric8.kubernetes.api.model.VolumeMountBuilder()
          .withName("data").withMountPath("/data").build());
      pod.getVolumes().add(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("data")
          .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().build());
    }
    return d;
  }

  private static Service loadBalancer(String app, String lbName, int port, int targetPort) {
    ServiceBuilder b = new ServiceBuilder().withNewMetadata().withName(app).withNamespace(NS).endMetadata()
        .withNewSpec().withType("LoadBalancer").addToSelector("app", app).addNewPort().withName("p")
        .withPort(port).withNewTargetPort(targetPort).endPort().endSpec();
    Service s = b.build();
    if (lbName != null) {
      s.getMetadata().setAnnotations(Map.of("service.beta.kubernetes.io/do-loadbalancer-name", lbName));
    }
    return s;
  }

  private static PersistentVolumeClaim claim(String name, String size) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withStorageClassName("do-block-storage").withAccessModes("ReadWriteOnce")
        .withNewResources().addToRequests("storage", new Quantity(size)).endResources().endSpec().build();
  }
}
