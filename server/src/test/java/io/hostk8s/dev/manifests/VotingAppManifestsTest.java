package io.hostk8s.dev.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks voting-app/k8s against the manifest contract (names, labels, images, ports, namespace). */
class VotingAppManifestsTest {

  private static final List<String> SERVICES = List.of("vote", "result", "worker", "redis", "db");
  private static final Map<String, Integer> SERVICE_PORTS =
      Map.of("vote", 80, "result", 80, "redis", 6379, "db", 5432);
  private static final Map<String, String> THIRD_PARTY_IMAGES =
      Map.of("redis", "redis:7-alpine", "db", "postgres:16-alpine");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private static Path k8s;
  private static List<HasMetadata> local;
  private static List<HasMetadata> cloud;
  private static List<HasMetadata> platform;

  @BeforeAll
  static void loadManifests() throws IOException {
    k8s = repoRoot().resolve("voting-app/k8s");
    local = loadAll(k8s.resolve("local"));
    cloud = new ArrayList<>();
    for (Path file : yamlFiles(k8s.resolve("digitalocean"))) {
      if (!file.getParent().getFileName().toString().equals("platform")) {
        cloud.addAll(load(file));
      }
    }
    platform = loadAll(k8s.resolve("digitalocean/platform"));
  }

  @Test
  void everyYamlFileParsesIntoNamedObjects() throws IOException {
    List<Path> files = yamlFiles(k8s);
    assertThat(files).hasSizeGreaterThanOrEqualTo(14);
    for (Path file : files) {
      List<HasMetadata> objects = load(file);
      assertThat(objects).as(file.toString()).isNotEmpty();
      assertThat(objects).allSatisfy(o -> {
        assertThat(o.getKind()).as(file + " kind").isNotBlank();
        assertThat(o.getMetadata().getName()).as(file + " name").isNotBlank();
      });
    }
  }

  @Test
  void localAndCloudUseTheSampleAppNamesLabelsAndContainers() {
    for (List<HasMetadata> set : List.of(local, cloud)) {
      assertThat(find(set, "Namespace", "sample-app")).isNotNull();
      assertThat(set).filteredOn(o -> !List.of("Namespace", "ClusterIssuer").contains(o.getKind()))
          .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo("sample-app"));
      for (String svc : SERVICES) {
        Deployment d = find(set, Deployment.class, svc);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsEntry("app", svc).containsEntry("hostk8s.app", "sample-app")
            .containsEntry("hostk8s.component", svc + "-service");
        assertThat(d.getMetadata().getLabels()).containsAllEntriesOf(podLabels);
        assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
        assertThat(d.getSpec().getSelector().getMatchLabels())
            .isEqualTo(Map.of("app", svc, "hostk8s.app", "sample-app"));
        assertThat(d.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
            .containsExactly(svc);
        if (SERVICE_PORTS.containsKey(svc)) {
          assertServiceReaches(set, svc, SERVICE_PORTS.get(svc));
        }
      }
    }
  }

  @Test
  void localImagesPortsAndEnvFollowTheContract() {
    for (String svc : SERVICES) {
      assertThat(container(local, svc).getImage())
          .isEqualTo(THIRD_PARTY_IMAGES.getOrDefault(svc, "localhost:5000/hostk8s-" + svc + ":latest"));
    }
    assertThat(ports(local, "vote")).containsEntry("http", 80).containsEntry("debugpy", 5678);
    assertThat(ports(local, "result")).containsEntry("http", 80);
    assertThat(ports(local, "worker")).containsEntry("jdwp", 5005);
    assertThat(ports(local, "redis")).containsValue(6379);
    assertThat(ports(local, "db")).containsValue(5432);
    assertServiceReaches(local, "worker", 5005);
    assertThat(env(local, "vote")).containsEntry("REDIS_HOST", "redis").containsEntry("REDIS_PORT", "6379");
    assertThat(env(local, "worker")).containsEntry("REDIS_HOST", "redis").containsEntry("POSTGRES_HOST", "db")
        .containsEntry("POSTGRES_USER", "postgres").containsEntry("POSTGRES_DB", "votes");
    assertThat(env(local, "worker").get("JAVA_TOOL_OPTIONS")).contains("jdwp").contains("5005").contains("suspend=n");
    assertThat(env(local, "result"))
        .containsEntry("DATABASE_URL", "postgres://postgres:postgres@db:5432/votes");
    assertThat(env(local, "db")).containsEntry("POSTGRES_DB", "votes").containsKey("POSTGRES_PASSWORD");
  }

  @Test
  void localProbesSurviveADebuggerPauseAndCpuIsNotLimited() {
    Container vote = container(local, "vote");
    assertThat(vote.getLivenessProbe()).as("no liveness on vote in dev").isNull();
    assertHttpProbe(vote.getReadinessProbe(), "/healthz", 60);
    assertHttpProbe(container(local, "result").getReadinessProbe(), "/healthz", 30);
    assertHttpProbe(container(local, "result").getLivenessProbe(), null, 120);
    for (String svc : SERVICES) {
      Container c = container(local, svc);
      assertThat(c.getResources().getRequests()).as(svc).containsKeys("cpu", "memory");
      if (c.getResources().getLimits() != null) {
        assertThat(c.getResources().getLimits()).as(svc + " CPU limit").doesNotContainKey("cpu");
      }
    }
  }

  @Test
  void localIngressMatchesHostK8s() {
    Ingress ingress = find(local, Ingress.class, "sample-app-ingress");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/rewrite-target", "/$2")
        .containsEntry("nginx.ingress.kubernetes.io/use-regex", "true");
    assertThat(ingress.getSpec().getRules()).singleElement()
        .satisfies(r -> assertThat(r.getHost()).isEqualTo("localhost"));
    assertThat(backends(ingress)).containsExactlyInAnyOrderEntriesOf(
        Map.of("/vote(/|$)(.*)", "vote:80", "/result(/|$)(.*)", "result:80"));
  }

  @Test
  void cloudUsesRegistryPlaceholdersAndNoDebugPorts() {
    for (String svc : SERVICES) {
      Container c = container(cloud, svc);
      assertThat(c.getImage()).isEqualTo(
          THIRD_PARTY_IMAGES.getOrDefault(svc, "REGISTRY_PLACEHOLDER/hostk8s-" + svc + ":TAG_PLACEHOLDER"));
      assertThat(c.getPorts()).as(svc).noneMatch(p -> List.of("debugpy", "jdwp").contains(p.getName())
          || p.getContainerPort() == 5678 || p.getContainerPort() == 5005);
      assertThat(env(cloud, svc).values()).as(svc).noneMatch(v -> v.contains("jdwp") || v.contains("debugpy"));
      assertThat(String.join(" ", Objects.requireNonNullElse(c.getCommand(), List.of())))
          .doesNotContain("debugpy");
      assertThat(c.getResources().getRequests()).as(svc).containsKeys("cpu", "memory");
      assertThat(c.getResources().getLimits()).as(svc).containsKeys("cpu", "memory");
    }
    assertThat(find(cloud, Service.class, "worker")).as("no debugger Service in the cloud").isNull();
    assertThat(container(cloud, "vote").getReadinessProbe()).isNotNull();
    assertHttpProbe(container(cloud, "result").getReadinessProbe(), "/healthz", 10);
  }

  @Test
  void cloudPostgresKeepsItsDataOnDoBlockStorage() {
    Deployment db = find(cloud, Deployment.class, "db");
    String claim = db.getSpec().getTemplate().getSpec().getVolumes().stream()
        .filter(v -> v.getPersistentVolumeClaim() != null)
        .map(v -> v.getPersistentVolumeClaim().getClaimName()).findFirst().orElseThrow();
    PersistentVolumeClaim pvc = find(cloud, PersistentVolumeClaim.class, claim);
    assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("do-block-storage");
    String mount = container(cloud, "db").getVolumeMounts().get(0).getMountPath();
    assertThat(env(cloud, "db").get("PGDATA")).isEqualTo("/var/lib/postgresql/data/pgdata").startsWith(mount + "/");
  }

  @Test
  void cloudIngressServesTheHostOverTlsWithLetsEncrypt() {
    Ingress ingress = find(cloud, Ingress.class, "sample-app-ingress");
    assertThat(ingress.getMetadata().getAnnotations()).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
    assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
      assertThat(tls.getHosts()).containsExactly("HOST_PLACEHOLDER");
      assertThat(tls.getSecretName()).isNotBlank();
    });
    assertThat(ingress.getSpec().getRules()).singleElement()
        .satisfies(r -> assertThat(r.getHost()).isEqualTo("HOST_PLACEHOLDER"));
    assertThat(backends(ingress)).containsExactlyInAnyOrderEntriesOf(Map.of("/vote", "vote:80", "/result", "result:80"));
    GenericKubernetesResource issuer = (GenericKubernetesResource) find(platform, "ClusterIssuer", "letsencrypt");
    assertThat(issuer.toString()).contains("ingressClassName=" + ingress.getSpec().getIngressClassName());
    assertThat(find(cloud, "Middleware", "strip-prefixes")).isNotNull();
  }

  @Test
  void platformInstallsTraefikPinnedBehindANamedLoadBalancerWithoutProxyProtocol() {
    Deployment traefik = find(platform, Deployment.class, "traefik");
    Container c = traefik.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("traefik:v3.3.4");
    assertThat(c.getArgs()).contains("--providers.kubernetesingress", "--providers.kubernetescrd",
        "--entrypoints.web.address=:8000", "--entrypoints.websecure.address=:8443",
        "--entrypoints.websecure.http.tls=true");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ping");
    Service svc = find(platform, Service.class, "traefik");
    assertThat(svc.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(svc.getMetadata().getAnnotations())
        .containsEntry("service.beta.kubernetes.io/do-loadbalancer-name", "LB_NAME_PLACEHOLDER")
        .containsEntry("service.beta.kubernetes.io/do-loadbalancer-size-unit", "1")
        .doesNotContainKey("service.beta.kubernetes.io/do-loadbalancer-enable-proxy-protocol");
    Map<Integer, String> targets = svc.getSpec().getPorts().stream()
        .collect(Collectors.toMap(ServicePort::getPort, p -> p.getTargetPort().getStrVal()));
    assertThat(targets).containsExactlyInAnyOrderEntriesOf(Map.of(80, "web", 443, "websecure"));
    Map<String, Integer> ports = c.getPorts().stream()
        .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
    assertThat(ports).containsEntry("web", 8000).containsEntry("websecure", 8443);
    assertThat(find(platform, "IngressClass", "traefik").toString()).contains("traefik.io/ingress-controller");
    assertThat(find(platform, "CustomResourceDefinition", "middlewares.traefik.io")).isNotNull();
    assertThat(find(cloud, Ingress.class, "sample-app-ingress").getSpec().getIngressClassName()).isEqualTo("traefik");
  }

  @Test
  void platformInstallsCertManagerPinnedAndTheIssuerWithItsPlaceholders() {
    for (String part : List.of("controller", "cainjector", "webhook")) {
      String name = part.equals("controller") ? "cert-manager" : "cert-manager-" + part;
      Deployment d = find(platform, Deployment.class, name);
      assertThat(d).as(name).isNotNull();
      assertThat(d.getMetadata().getNamespace()).isEqualTo("cert-manager");
      assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .matches("quay\\.io/jetstack/cert-manager-" + part + ":v1\\.16\\.\\d+");
    }
    for (String crd : List.of("certificates.cert-manager.io", "certificaterequests.cert-manager.io",
        "issuers.cert-manager.io", "clusterissuers.cert-manager.io", "orders.acme.cert-manager.io",
        "challenges.acme.cert-manager.io")) {
      assertThat(find(platform, "CustomResourceDefinition", crd)).isNotNull();
    }
    String issuer = find(platform, "ClusterIssuer", "letsencrypt").toString();
    assertThat(issuer).contains("server=ACME_SERVER_PLACEHOLDER", "email=ACME_EMAIL_PLACEHOLDER",
        "ingressClassName=traefik");
  }

  // ---- helpers ----

  private static void assertServiceReaches(List<HasMetadata> set, String svc, int port) {
    Service service = find(set, Service.class, svc);
    assertThat(service).as("Service " + svc).isNotNull();
    assertThat(container(set, svc).getName()).isEqualTo(svc);
    Map<String, String> podLabels = find(set, Deployment.class, svc).getSpec().getTemplate().getMetadata().getLabels();
    assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
    ServicePort sp = service.getSpec().getPorts().stream().filter(p -> p.getPort() == port).findFirst().orElseThrow();
    Map<String, Integer> containerPorts = ports(set, svc);
    String target = sp.getTargetPort().getStrVal();
    assertThat(target == null ? containerPorts.containsValue(sp.getTargetPort().getIntVal())
        : containerPorts.containsKey(target)).as(svc + " targetPort " + sp.getTargetPort()).isTrue();
  }

  private static void assertHttpProbe(Probe probe, String path, int minSecondsBeforeFailure) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet()).isNotNull();
    if (path != null) {
      assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    }
    assertThat(probe.getTimeoutSeconds()).isGreaterThanOrEqualTo(3);
    int period = Objects.requireNonNullElse(probe.getPeriodSeconds(), 10);
    int failures = Objects.requireNonNullElse(probe.getFailureThreshold(), 3);
    assertThat(period * failures).isGreaterThanOrEqualTo(minSecondsBeforeFailure);
  }

  private static Map<String, String> backends(Ingress ingress) {
    return ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream())
        .collect(Collectors.toMap(HTTPIngressPath::getPath,
            p -> p.getBackend().getService().getName() + ":" + p.getBackend().getService().getPort().getNumber()));
  }

  private static Container container(List<HasMetadata> set, String svc) {
    return find(set, Deployment.class, svc).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, Integer> ports(List<HasMetadata> set, String svc) {
    return Objects.requireNonNullElse(container(set, svc).getPorts(), List.<ContainerPort>of()).stream()
        .collect(Collectors.toMap(p -> Objects.requireNonNullElse(p.getName(), "#" + p.getContainerPort()),
            ContainerPort::getContainerPort));
  }

  private static Map<String, String> env(List<HasMetadata> set, String svc) {
    return Objects.requireNonNullElse(container(set, svc).getEnv(), List.<EnvVar>of()).stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> Objects.requireNonNullElse(e.getValue(), "<ref>")));
  }

  private static <T extends HasMetadata> T find(List<HasMetadata> set, Class<T> type, String name) {
    return set.stream().filter(type::isInstance).map(type::cast)
        .filter(o -> name.equals(o.getMetadata().getName())).findFirst().orElse(null);
  }

  private static HasMetadata find(List<HasMetadata> set, String kind, String name) {
    return set.stream().filter(o -> kind.equals(o.getKind()) && name.equals(o.getMetadata().getName()))
        .findFirst().orElseThrow(() -> new AssertionError("missing " + kind + " " + name));
  }

  private static List<HasMetadata> loadAll(Path dir) throws IOException {
    List<HasMetadata> all = new ArrayList<>();
    for (Path file : yamlFiles(dir)) {
      all.addAll(load(file));
    }
    return all;
  }

  private static List<HasMetadata> load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Object parsed = SERIALIZATION.unmarshal(in);
      List<?> items = parsed instanceof KubernetesList list ? list.getItems()
          : parsed instanceof List<?> l ? l : List.of(parsed);
      List<HasMetadata> objects = new ArrayList<>();
      for (Object item : items) {
        assertThat(item).as(file + " document").isInstanceOf(HasMetadata.class);
        objects.add((HasMetadata) item);
      }
      return objects;
    }
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static Path repoRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("voting-app/k8s"))) {
        return p;
      }
    }
    throw new AssertionError("no voting-app/k8s above " + Path.of("").toAbsolutePath());
  }
}
