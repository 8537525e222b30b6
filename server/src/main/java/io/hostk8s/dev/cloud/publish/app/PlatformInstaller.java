package io.hostk8s.dev.cloud.publish.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.deploy.Applier;
import io.hostk8s.dev.deploy.KubeObjects;
import io.hostk8s.dev.deploy.ManifestDocument;
import io.hostk8s.dev.deploy.ManifestLoader;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The cluster's platform, from {@code voting-app/k8s/digitalocean/platform/}: Traefik (the ingress controller, its
 * {@code LoadBalancer} Service named so orphans can be found) and cert-manager, each waited for, then the
 * Let's Encrypt ClusterIssuer (staging or production, the ACME e-mail). Server-side apply: applying again changes
 * nothing.
 */
final class PlatformInstaller {
  static final String DIR = "voting-app/k8s/digitalocean/platform";
  static final String STAGING = "https://acme-staging-v02.api.letsencrypt.org/directory";
  static final String PRODUCTION = "https://acme-v02.api.letsencrypt.org/directory";
  private final Path workspace;
  private final Sleeper sleeper;

  PlatformInstaller(Path workspace, Sleeper sleeper) {
    this.workspace = workspace;
    this.sleeper = sleeper;
  }

  List<String> install(KubernetesClient client, String lbName, String acmeEmail, boolean staging, Progress progress)
      throws InterruptedException {
    List<String> lines = new ArrayList<>();
    UnaryOperator<String> text = Placeholders.of(Map.of("LB_NAME_PLACEHOLDER", lbName,
        "ACME_EMAIL_PLACEHOLDER", acmeEmail, "ACME_SERVER_PLACEHOLDER", staging ? STAGING : PRODUCTION));
    Applier applier = new Applier(client);
    for (String file : List.of("traefik.yaml", "cert-manager.yaml")) {
      progress.report("platform: applying " + file);
      lines.add("applied " + applier.apply(load(file, text), Progress.NONE, 0, 0).size() + " objects of " + file);
    }
    Rollouts.awaitAvailable(client, "traefik", Duration.ofMinutes(5), sleeper, progress);
    Rollouts.awaitAvailable(client, "cert-manager", Duration.ofMinutes(5), sleeper, progress);
    lines.add("Traefik and cert-manager available");
    applier.apply(load("letsencrypt-issuer.yaml", text), Progress.NONE, 0, 0);
    lines.add("ClusterIssuer letsencrypt (" + (staging ? "staging" : "production") + ", " + acmeEmail + ")");
    return lines;
  }

  private List<HasMetadata> load(String file, UnaryOperator<String> text) {
    List<HasMetadata> objects = new ArrayList<>(new ManifestLoader(text, false)
        .loadFile(workspace.resolve(DIR).resolve(file), workspace).stream().map(ManifestDocument::object).toList());
    objects.sort(Comparator.comparingInt(KubeObjects::rank));
    return objects;
  }
}
