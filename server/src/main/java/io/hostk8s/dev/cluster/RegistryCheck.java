package io.hostk8s.dev.cluster;

import io.hostk8s.dev.check.Check;
import io.hostk8s.dev.check.CheckResult;
import io.hostk8s.dev.check.DevTarget;
import io.hostk8s.dev.core.Workspace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The push registry (HostK8s: localhost:5002) answers the OCI distribution API ({@code GET /v2/}). */
public final class RegistryCheck implements Check {
  @Override
  public String name() {
    return "registry";
  }

  @Override
  public String notNeeded(DevTarget target, Workspace workspace) {
    return Check.onlyForCluster(target);
  }

  @Override
  public CheckResult run(Workspace workspace) {
    String push = workspace.config().config().registry().push();
    URI uri = URI.create("http://" + push + "/v2/");
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() == 200 || r.statusCode() == 401) {
        return CheckResult.ok(name(), "registry answers at " + push + " (HTTP " + r.statusCode() + ")");
      }
      return CheckResult.missing(name(), true, push + " answered HTTP " + r.statusCode() + " to /v2/, not a registry",
          "Check REGISTRY_URL in .env / registry.push in hostk8s.dev.yaml.");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return CheckResult.missing(name(), true, "no registry at " + push + " (" + e.getClass().getSimpleName() + ")",
          "Start the cluster with its registry (`make start` in HostK8s with REGISTRY_ENABLED=true), "
              + "or set REGISTRY_URL / registry.push to your registry.");
    }
  }
}
