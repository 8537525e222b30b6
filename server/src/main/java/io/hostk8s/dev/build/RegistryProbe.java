package io.hostk8s.dev.build;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks a registry (Docker Registry HTTP API v2) whether it has a tag: {@code HEAD /v2/<name>/manifests/<tag>}.
 * Loopback registries are spoken to over http, others over https. No credentials: a registry that wants them
 * answers {@link State#UNKNOWN} and the caller builds/pushes as if absent.
 */
public final class RegistryProbe {
  public enum State { PRESENT, ABSENT, UNKNOWN, UNREACHABLE }

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
    URI uri = URI.create(baseUrl(ref.pushHost()) + "/v2/" + ref.registryPath() + "/manifests/" + ref.tag());
    HttpRequest request = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
        .header("Accept", ACCEPT).timeout(Duration.ofSeconds(5)).build();
    try {
      int status = http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 ? State.PRESENT : status == 404 ? State.ABSENT : State.UNKNOWN;
    } catch (IOException e) {
      return State.UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return State.UNKNOWN;
    }
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
