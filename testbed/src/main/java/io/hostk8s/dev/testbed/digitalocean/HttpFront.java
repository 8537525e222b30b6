package io.hostk8s.dev.testbed.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request passes here: counting, scripted faults, bearer-token check, rate-limit headers, routing, and
 * turning {@link ApiException}s into DigitalOcean error bodies. {@code /_standin/*} goes to the control routes.
 */
final class HttpFront implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(HttpFront.class.getName());
  static final String CONTROL_PREFIX = "/_standin/";

  private final Router api;
  private final Router control;
  private final Faults faults;
  private final RequestCounts counts;
  private final RateLimits rateLimits = new RateLimits();

  HttpFront(Router api, Router control, Faults faults, RequestCounts counts) {
    this.api = api;
    this.control = control;
    this.faults = faults;
    this.counts = counts;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      String path = ex.getRequestURI().getRawPath();
      ApiResponse response = path.startsWith(CONTROL_PREFIX) ? control(ex, method, path) : api(ex, method, path);
      write(ex, response);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stand-in request failed", e);
    }
  }

  private ApiResponse control(HttpExchange ex, String method, String path) throws IOException {
    Optional<Router.Match> match = control.match(method, path);
    try {
      if (match.isEmpty()) {
        throw ApiException.notFound();
      }
      return match.get().handler().handle(request(ex, method, path, match.get().params()));
    } catch (ApiException e) {
      return error(e.status(), e.id(), e.getMessage());
    }
  }

  private ApiResponse api(HttpExchange ex, String method, String path) throws IOException {
    Optional<Router.Match> match = api.match(method, path);
    counts.count(method, match.map(Router.Match::template).orElse(path));
    Map<String, String> limits = rateLimits.count();
    ApiResponse response;
    Optional<Fault> fault = faults.take(method, path);
    if (fault.isPresent()) {
      response = faultResponse(fault.get());
      if (fault.get().status() == 429) {
        limits = rateLimits.exhausted();
      }
    } else {
      response = answer(ex, method, path, match);
    }
    limits.forEach(response::withHeader);
    return response;
  }

  private ApiResponse answer(HttpExchange ex, String method, String path, Optional<Router.Match> match)
      throws IOException {
    try {
      Tokens.check(ex.getRequestHeaders().getFirst("Authorization"));
      if (match.isEmpty()) {
        throw ApiException.notFound();
      }
      return match.get().handler().handle(request(ex, method, path, match.get().params()));
    } catch (ApiException e) {
      return error(e.status(), e.id(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "stand-in failed on " + method + " " + path, e);
      return error(500, "server_error", "Server was unable to give you a response.");
    }
  }

  private static ApiResponse faultResponse(Fault f) {
    ApiResponse r = error(f.status(), f.errorId(), f.errorMessage());
    if (f.retryAfterSeconds() != null) {
      r.withHeader("retry-after", String.valueOf(f.retryAfterSeconds()));
    }
    return r;
  }

  static ApiResponse error(int status, String id, String message) {
    ObjectNode body = Json.object().put("id", id).put("message", message)
        .put("request_id", UUID.randomUUID().toString());
    return ApiResponse.json(status, body);
  }

  private static ApiRequest request(HttpExchange ex, String method, String path, Map<String, String> params)
      throws IOException {
    return new ApiRequest(method, path, query(ex.getRequestURI().getRawQuery()), body(ex), origin(ex), params);
  }

  private static JsonNode body(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readAllBytes();
      if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
        return Json.object();
      }
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw ApiException.badRequest("unable to parse the request body as JSON");
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return q;
  }

  /** How the client addressed us: forwarded host/proto when a proxy says so, else the Host header. */
  private static String origin(HttpExchange ex) {
    String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Forwarded-Host"))
        .or(() -> Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")))
        .orElse(ex.getLocalAddress().getHostString() + ":" + ex.getLocalAddress().getPort());
    String proto = Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Forwarded-Proto")).orElse("http");
    return proto + "://" + host.split(",")[0].trim();
  }

  private static void write(HttpExchange ex, ApiResponse r) throws IOException {
    r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    if (r.contentType() != null) {
      ex.getResponseHeaders().set("Content-Type", r.contentType());
    }
    if (r.status() == 204 || r.body().length == 0) {
      ex.sendResponseHeaders(r.status(), -1);
      return;
    }
    ex.sendResponseHeaders(r.status(), r.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(r.body());
    }
  }
}
