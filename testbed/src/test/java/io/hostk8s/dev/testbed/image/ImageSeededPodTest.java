package io.hostk8s.dev.testbed.image;

import static io.hostk8s.dev.testbed.image.OciImages.Entry.file;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.hostk8s.dev.testbed.Sandbox;
import io.hostk8s.dev.testbed.SandboxOptions;
import io.hostk8s.dev.testbed.Tools;
import io.hostk8s.dev.testbed.recipes.LaunchPlan;
import io.hostk8s.dev.testbed.recipes.Recipes;
import io.hostk8s.dev.testbed.registry.AuthRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kubelet with image pulls (as in a DOKS stand-in cluster): a pod whose image is in the pulled registry serves
 * the image's app dir, a pod of another registry the workspace's, and a missing image waits in ErrImagePull with the
 * registry's reason. The recipe here seeds {@code /srv/app} from the workspace and serves it with python's http.server.
 */
class ImageSeededPodTest {
  private static final String NS = "pulls";
  @TempDir
  Path dir;

  @Test
  void podsOfThePulledRegistryServeTheImagesFilesOthersTheWorkspaces() throws Exception {
    Tools.require(AuthRegistry.binary().orElse(Path.of("/usr/bin/docker-registry")), Path.of("/usr/bin/python3"));
    Path ws = Files.createDirectories(dir.resolve("ws/site"));
    Files.writeString(ws.resolve("index.html"), "from the workspace");
    Recipes recipes = Recipes.defaults().register("seeded-http", ctx -> {
      int port = ctx.mainPort().map(ctx::local).orElseThrow();
      return Optional.of(new LaunchPlan(List.of("/usr/bin/python3", "-m", "http.server", String.valueOf(port),
          "--bind", "127.0.0.1", "--directory", "/srv/app")).seed(ctx.workspace().resolve("site"), "/srv/app")
          .mount("/srv/app", ctx.hostPath("/srv/app")).ready(port, LaunchPlan.Probe.CONNECT));
    });
    try (AuthRegistry registry = AuthRegistry.start(dir.resolve("registry"))) {
      new OciImages(registry).push("reg/seeded-http", "1", "/srv/app", true,
          List.of(OciImages.layer(List.of(file("srv/app/index.html", "from the image")))));
      RegistryAccess access = new RegistryAccess(Set.of(registry.host()),
          ref -> Optional.of(registry.userColonPassword()), dir.resolve("cache"));
      try (Sandbox sandbox = Sandbox.start(SandboxOptions.of(dir.resolve("ws"), dir.resolve("state"))
          .withRecipes(recipes).withImagePulls(access))) {
        sandbox.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata()
            .build()).create();
        pod(sandbox, "pulled", registry.host() + "/reg/seeded-http:1");
        pod(sandbox, "local", "localhost:5999/seeded-http:1");
        pod(sandbox, "missing", registry.host() + "/reg/seeded-http:nope");
        assertThat(get(sandbox, "pulled")).isEqualTo("from the image");
        assertThat(get(sandbox, "local")).isEqualTo("from the workspace");
        ContainerStateWaiting waiting = awaitWaiting(sandbox, "missing", "ErrImagePull");
        assertThat(waiting.getMessage()).contains("Failed to pull image").contains("not found");
      }
    }
  }

  private static void pod(Sandbox sandbox, String name, String image) {
    Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NS).addToLabels("app", name).endMetadata()
        .withNewSpec().addNewContainer().withName("web").withImage(image).addNewPort().withContainerPort(8000).endPort()
        .endContainer().endSpec().build();
    sandbox.client().pods().inNamespace(NS).resource(pod).create();
  }

  private static String get(Sandbox sandbox, String name) throws Exception {
    sandbox.awaitReady(NS, "app=" + name, Duration.ofSeconds(60));
    int port = sandbox.podLocalPort(NS, name, 8000).orElseThrow();
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static ContainerStateWaiting awaitWaiting(Sandbox sandbox, String name, String reason) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    ContainerStateWaiting last = null;
    while (System.nanoTime() < deadline) {
      Pod p = sandbox.client().pods().inNamespace(NS).withName(name).get();
      if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null
          && !p.getStatus().getContainerStatuses().isEmpty()) {
        last = p.getStatus().getContainerStatuses().get(0).getState().getWaiting();
        if (last != null && reason.equals(last.getReason())) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " never waited with " + reason + "; last: " + last);
  }
}
