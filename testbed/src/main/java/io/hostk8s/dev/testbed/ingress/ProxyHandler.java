package io.hostk8s.dev.testbed.ingress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One entry point's HTTP handling: the route for Host + path, its strip-prefix Middlewares, then the request
 * proxied to the backend Service (the JDK's HttpClient; Host passed through, X-Forwarded-* added, as Traefik
 * does). No route: 404 {@code 404 page not found}; backend unreachable: 502 {@code Bad Gateway}. WebSocket
 * upgrades are not proxied (the JDK's server has no upgrade): socket.io falls back to long polling.
 */
final class ProxyHandler implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(ProxyHandler.class.getName());
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
      "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "expect", "host",
      "http2-settings");

  private final Supplier<RouteTable> table;
  private final ServiceDirectory services;
  private final boolean tls;
  private final String entryPoint;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

  ProxyHandler(String entryPoint, boolean tls, Supplier<RouteTable> table, ServiceDirectory services) {
    this.entryPoint = entryPoint;
    this.tls = tls;
    this.table = table;
    this.services = services;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String hostHeader = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("");
      String host = hostHeader.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
      String path = ex.getRequestURI().getRawPath();
      Optional<Route> route = table.get().match(host, path, tls);
      if (route.isEmpty()) {
        text(ex, 404, "404 page not found\n");
        return;
      }
      Route r = route.get();
      String forwardedPath = path;
      String strippedPrefix = null;
      for (List<String> prefixes : r.stripPrefixes()) {
        for (String prefix : prefixes) {
          if (forwardedPath.startsWith(prefix)) {
            strippedPrefix = prefix;
            forwardedPath = forwardedPath.substring(prefix.length());
            forwardedPath = forwardedPath.startsWith("/") ? forwardedPath : "/" + forwardedPath;
            break;
          }
        }
      }
      Optional<Integer> port = services.localPort(r.namespace(), r.service(), r.servicePort());
      if (port.isEmpty()) {
        text(ex, 503, "Service Unavailable\n");
        return;
      }
      String query = ex.getRequestURI().getRawQuery();
      URI target = URI.create("http://127.0.0.1:" + port.get() + forwardedPath + (query == null ? "" : "?" + query));
      forward(ex, target, hostHeader, strippedPrefix);
    }
  }

  private void forward(HttpExchange ex, URI target, String hostHeader, String strippedPrefix) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    HttpRequest.Builder req = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    ex.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> req.header(name, v));
      }
    });
    if (!hostHeader.isEmpty()) {
      req.setHeader("Host", hostHeader);
    }
    String client = ex.getRemoteAddress().getAddress().getHostAddress();
    req.setHeader("X-Forwarded-For", client).setHeader("X-Real-Ip", client)
        .setHeader("X-Forwarded-Proto", tls ? "https" : "http").setHeader("X-Forwarded-Host", hostHeader)
        .setHeader("X-Forwarded-Port", String.valueOf(ex.getLocalAddress().getPort()))
        .setHeader("X-Forwarded-Server", entryPoint);
    if (strippedPrefix != null) {
      req.setHeader("X-Forwarded-Prefix", strippedPrefix);
    }
    HttpResponse<InputStream> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      LOG.fine(() -> "backend " + target + " failed: " + e);
      text(ex, 502, "Bad Gateway\n");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      text(ex, 502, "Bad Gateway\n");
      return;
    }
    resp.headers().map().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        ex.getResponseHeaders().put(name, values);
      }
    });
    long length = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
    boolean noBody = "HEAD".equals(ex.getRequestMethod()) || resp.statusCode() == 204 || resp.statusCode() == 304
        || length == 0;
    ex.sendResponseHeaders(resp.statusCode(), noBody ? -1 : Math.max(length, 0));
    try (InputStream in = resp.body(); OutputStream out = ex.getResponseBody()) {
      if (!noBody) {
        in.transferTo(out);
      }
    }
  }

  private static void text(HttpExchange ex, int code, String message) throws IOException {
    byte[] b = message.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(code, b.length);
    ex.getResponseBody().write(b);
  }
}
