package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hostk8s.dev.testbed.Kubeconfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * {@code .../kubeconfig} (application/yaml, context {@code do-<region>-<name>}) and {@code .../credentials} of a
 * running cluster: both point at the cluster's sandbox API.
 */
final class ClusterAccessRoutes {

  private static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
  private static final String CA = readCa();

  private final Account account;

  ClusterAccessRoutes(Account account) {
    this.account = account;
  }

  void register(Router r) {
    r.add("GET", ClusterRoutes.CLUSTER + "/kubeconfig", req -> {
      Cluster c = running(req);
      String yaml = account.locked(() -> Kubeconfig.render(c.contextName(), c.endpoint, c.accessToken));
      return ApiResponse.text(200, "application/yaml", yaml);
    }).add("GET", ClusterRoutes.CLUSTER + "/credentials", req -> {
      Cluster c = running(req);
      Duration expiry = req.queryParam("expiry_seconds").map(Long::parseLong).filter(s -> s > 0)
          .map(Duration::ofSeconds).orElse(DEFAULT_EXPIRY);
      ObjectNode body = account.locked(() -> Json.object().put("server", c.endpoint)
          .put("certificate_authority_data", CA).putNull("client_certificate_data").putNull("client_key_data")
          .put("token", c.accessToken).put("expires_at", Json.time(Instant.now().plus(expiry))));
      return ApiResponse.ok(body);
    });
  }

  private Cluster running(ApiRequest req) {
    return account.locked(() -> {
      Cluster c = account.cluster(req.param("cluster_id"));
      if (c.endpoint.isEmpty() || !"running".equals(c.state)) {
        throw new ApiException(404, "not_found", "the cluster's control plane is not available (state "
            + c.state + ")");
      }
      return c;
    });
  }

  private static String readCa() {
    try (InputStream in = ClusterAccessRoutes.class.getResourceAsStream("cluster-ca.pem")) {
      if (in == null) {
        throw new IllegalStateException("cluster-ca.pem missing from the testbed jar");
      }
      return Base64.getEncoder().encodeToString(new String(in.readAllBytes(), StandardCharsets.US_ASCII)
          .getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
