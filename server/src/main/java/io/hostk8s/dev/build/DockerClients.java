package io.hostk8s.dev.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** Opens docker-java clients (httpclient5 transport) for an endpoint, after a fast {@link DaemonProbe}. */
public final class DockerClients {
  private DockerClients() {}

  /** A client for the endpoint; throws DOCKER_UNREACHABLE (fast) when nothing listens there. */
  public static Docker open(DockerEndpoint endpoint) {
    DaemonProbe.check(endpoint);
    DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
        .withDockerHost(endpoint.uri().toString())
        .withDockerTlsVerify(endpoint.tlsVerify());
    if (endpoint.tlsVerify() && endpoint.certPath() != null) {
      builder.withDockerCertPath(endpoint.certPath());
    }
    DockerClientConfig config = builder.build();
    ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(16)
        .connectionTimeout(Duration.ofSeconds(5))
        .build();
    return new Docker(endpoint, config, DockerClientImpl.getInstance(config, http));
  }

  /** A client with the config it was made from (the config resolves registry credentials from ~/.docker). */
  public record Docker(DockerEndpoint endpoint, DockerClientConfig config, DockerClient client) implements AutoCloseable {
    @Override
    public void close() {
      try {
        client.close();
      } catch (java.io.IOException e) {
        java.util.logging.Logger.getLogger(DockerClients.class.getName()).fine("closing docker client: " + e);
      }
    }
  }
}
