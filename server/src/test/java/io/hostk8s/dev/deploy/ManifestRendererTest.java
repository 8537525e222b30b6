package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestRendererTest {
  @TempDir
  Path ws;

  List<HasMetadata> votingApp() {
    DeployFixtures.votingAppWorkspace(ws);
    return new ManifestLoader().load(ws, "voting-app/k8s/local").stream().map(ManifestDocument::object).toList();
  }

  static Deployment deployment(List<HasMetadata> objects, String name) {
    return objects.stream().filter(o -> o instanceof Deployment && o.getMetadata().getName().equals(name)).map(Deployment.class::cast)
        .findFirst().orElseThrow();
  }

  static String image(List<HasMetadata> objects, String name) {
    return deployment(objects, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  @Test
  void builtTagsReplaceTheServicesImagesAndOthersAreKept() {
    List<HasMetadata> input = votingApp();
    Map<String, ServiceConfig> services = Defaults.votingApp().services();
    var rendered = new ManifestRenderer().render(input, services, Map.of("vote", "localhost:5000/hostk8s-vote:ctx-1a2b3c"), "sample-app");
    assertThat(image(rendered.objects(), "vote")).isEqualTo("localhost:5000/hostk8s-vote:ctx-1a2b3c");
    assertThat(image(rendered.objects(), "worker")).as("no built tag: the manifest's image").isEqualTo("localhost:5000/hostk8s-worker:latest");
    assertThat(image(rendered.objects(), "redis")).isEqualTo("redis:7-alpine");
    assertThat(rendered.imageChanges()).containsExactly(
        "Deployment/vote vote: localhost:5000/hostk8s-vote:latest → localhost:5000/hostk8s-vote:ctx-1a2b3c");
    assertThat(image(input, "vote")).as("the input is not modified").isEqualTo("localhost:5000/hostk8s-vote:latest");
  }

  @Test
  void theConfiguredNamespaceIsSetAndTheNamespaceObjectRenamedAndFirst() {
    var rendered = new ManifestRenderer().render(votingApp(), Defaults.votingApp().services(), Map.of(), "dev-alice");
    assertThat(rendered.objects().get(0).getKind()).isEqualTo("Namespace");
    assertThat(rendered.objects().get(0).getMetadata().getName()).isEqualTo("dev-alice");
    assertThat(rendered.objects().stream().filter(o -> !o.getKind().equals("Namespace")))
        .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo("dev-alice"));
    assertThat(rendered.objects().stream().filter(o -> o.getKind().equals("Namespace")).count()).isEqualTo(1);
  }

  @Test
  void aNamespaceObjectIsAddedWhenTheManifestsHaveNone() {
    List<HasMetadata> noNamespace = votingApp().stream().filter(o -> !o.getKind().equals("Namespace")).toList();
    var rendered = new ManifestRenderer().render(noNamespace, Map.of(), Map.of(), "sample-app");
    assertThat(rendered.objects().get(0).getKind()).isEqualTo("Namespace");
    assertThat(rendered.objects()).hasSize(noNamespace.size() + 1);
  }

  @Test
  void imageRepositoriesIgnoreRegistryTagAndDigest() {
    assertThat(ImageRefs.repository("localhost:5000/hostk8s-vote:latest")).isEqualTo("hostk8s-vote");
    assertThat(ImageRefs.repository("registry.digitalocean.com/team/hostk8s-vote@sha256:abc")).isEqualTo("team/hostk8s-vote");
    assertThat(ImageRefs.repository("docker.io/library/redis:7")).isEqualTo("redis");
    assertThat(ImageRefs.repository("hostk8s-vote")).isEqualTo("hostk8s-vote");
    assertThat(ImageRefs.sameRepository("localhost:5000/hostk8s-vote:1", "hostk8s-vote")).isTrue();
    assertThat(ImageRefs.sameRepository("localhost:5000/hostk8s-voter:1", "hostk8s-vote")).isFalse();
  }
}
