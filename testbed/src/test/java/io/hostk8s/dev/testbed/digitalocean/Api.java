package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny test client of the stand-in (java.net.http + Jackson). */
final class Api {

  static final String TOKEN = "dop_v1_0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();

  record Answer(int status, JsonNode json, String text, HttpResponse<String> raw) {
    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String token;

  Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** Whether anything answers at all (false when the connection is refused). */
  boolean answers(String path) {
    try {
      send("GET", path, null);
      return true;
    } catch (java.io.UncheckedIOException e) {
      return false;
    }
  }

  Answer get(String pathOrUrl) {
    return send("GET", pathOrUrl, null);
  }

  Answer send(String method, String pathOrUrl, Object body) {
    try {
      String url = pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + token);
      if (body != null) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("application/json") && !r.body().isEmpty()) {
        json = JSON.readTree(r.body());
      }
      return new Answer(r.statusCode(), json, r.body(), r);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
