package io.hostk8s.dev.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a registry (Docker Registry HTTP API v2) whether it has a tag: {@code HEAD /v2/<name>/manifests/<tag>}.
 * Loopback registries are spoken to over http, others over https. Without credentials a registry that wants them
 * answers {@link State#UNKNOWN} and the caller builds/pushes as if absent; with credentials (held in memory) they
 * are sent (Basic, or a Bearer token from the registry's realm), and a registry that refuses them answers
 * {@link State#UNAUTHORIZED}.
 */
public final class RegistryProbe {
  public enum State { PRESENT, ABSENT, UNKNOWN, UNREACHABLE, UNAUTHORIZED }

  private static final String ACCEPT = String.join(",",
      "application/vnd.oci.image.index.v1+json",
      "application/vnd.oci.image.manifest.v1+json",
      "application/vnd.docker.distribution.manifest.list.v2+json",
      "application/vnd.docker.distribution.manifest.v2+json");

  private volatile HttpClient http;

  /** Created on first use: an HttpClient costs a selector thread and noticeable start-up time. */
  private HttpClient http() {
    HttpClient c = http;
    if (c == null) {
      synchronized (this) {
        if (http == null) {
          http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        c = http;
      }
    }
    return c;
  }

  public State manifest(ImageRef ref) {
    return manifest(ref, null);
  }

  /** As {@link #manifest(ImageRef)}, sending {@code credentials} when not null. */
  public State manifest(ImageRef ref, RegistryCredentials credentials) {
    URI uri = URI.create(baseUrl(ref.pushHost()) + "/v2/" + ref.registryPath() + "/manifests/" + ref.tag());
    String basic = credentials == null ? null : "Basic " + java.util.Base64.getEncoder().encodeToString(
        (credentials.username() + ":" + credentials.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      HttpResponse<Void> r = http().send(head(uri, basic), HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() == 401 && basic != null) {
        var challenge = RegistryBearer.challenge(r.headers().firstValue("WWW-Authenticate").orElse(null));
        if (challenge.isPresent()) {
          var token = RegistryBearer.token(http(), challenge.get(), basic);
          if (token.isEmpty()) {
            return State.UNAUTHORIZED;
          }
          r = http().send(head(uri, "Bearer " + token.get()), HttpResponse.BodyHandlers.discarding());
        }
      }
      int status = r.statusCode();
      if ((status == 401 || status == 403) && basic != null) {
        return State.UNAUTHORIZED;
      }
      return status == 200 ? State.PRESENT : status == 404 ? State.ABSENT : State.UNKNOWN;
    } catch (IOException e) {
      return State.UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return State.UNKNOWN;
    }
  }

  private static HttpRequest head(URI uri, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", ACCEPT).timeout(Duration.ofSeconds(5));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b.build();
  }

  /** {@code http://host:port} for loopback registries, {@code https://…} otherwise. */
  public static String baseUrl(String host) {
    return (isLoopback(host) ? "http://" : "https://") + host;
  }

  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
    return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]");
  }
}
