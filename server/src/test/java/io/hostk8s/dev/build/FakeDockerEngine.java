package io.hostk8s.dev.build;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A Docker Engine API served by the test (tcp://127.0.0.1:port): records every request with its body and answers
 * ping, version, build, image inspect and push with scripted JSON streams. The same server also answers the
 * registry's {@code HEAD /v2/<name>/manifests/<tag>} for tags it "pushed", so it doubles as the registry.
 */
final class FakeDockerEngine implements AutoCloseable {
  record Request(String method, String path, Map<String, String> query, byte[] body) {}

  private final HttpServer server;
  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  final Set<String> images = ConcurrentHashMap.newKeySet();
  final Set<String> registryTags = ConcurrentHashMap.newKeySet();
  volatile String arch = "arm64";
  volatile List<String> buildStream = List.of(
      "{\"stream\":\"Step 1/2 : FROM base\\n\"}",
      "{\"stream\":\"Step 2/2 : COPY . /app\\n\"}",
      "{\"aux\":{\"ID\":\"sha256:0123456789abcdef\"}}",
      "{\"stream\":\"Successfully built 0123456789ab\\n\"}");
  /** When not 200, /push answers this status with {@link #pushHttpMessage} instead of a stream. */
  volatile int pushHttpStatus = 200;
  volatile String pushHttpMessage = "";
  volatile List<String> pushStream = List.of("{\"status\":\"Pushed\",\"id\":\"abc\"}", "{\"status\":\"done\"}");
  /** Pause before each line of the build and push streams (a real build takes longer than a poll interval). */
  volatile long streamDelayMs;
  /** When set, /build waits for it before answering its stream (cancellation tests). */
  volatile CountDownLatch holdBuild;
  final CountDownLatch buildDisconnected = new CountDownLatch(1);

  FakeDockerEngine() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String dockerHost() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  String registry() {
    return "localhost:" + server.getAddress().getPort();
  }

  List<Request> requests(String method, String pathSuffix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath().replaceFirst("^/v1\\.\\d+", "");
      byte[] body = ex.getRequestBody().readAllBytes();
      requests.add(new Request(ex.getRequestMethod(), path, query(ex.getRequestURI().getRawQuery()), body));
      if (path.startsWith("/v2/")) {
        registry(ex, path);
      } else if (path.equals("/_ping")) {
        send(ex, 200, "text/plain", "OK");
      } else if (path.equals("/version")) {
        send(ex, 200, "application/json", "{\"Os\":\"linux\",\"Arch\":\"" + arch + "\",\"ApiVersion\":\"1.41\",\"Version\":\"fake\"}");
      } else if (path.equals("/build")) {
        build(ex);
      } else if (path.startsWith("/images/") && path.endsWith("/json")) {
        String name = URLDecoder.decode(path.substring(8, path.length() - 5), StandardCharsets.UTF_8);
        send(ex, images.contains(name) ? 200 : 404, "application/json", images.contains(name) ? "{\"Id\":\"sha256:1\"}" : "{\"message\":\"No such image: " + name + "\"}");
      } else if (path.startsWith("/images/") && path.endsWith("/push")) {
        String repo = URLDecoder.decode(path.substring(8, path.length() - 5), StandardCharsets.UTF_8);
        String tag = query(ex.getRequestURI().getRawQuery()).get("tag");
        if (pushHttpStatus != 200) {
          send(ex, pushHttpStatus, "application/json", "{\"message\":\"" + pushHttpMessage + "\"}");
          return;
        }
        stream(ex, pushStream);
        if (pushStream.stream().noneMatch(l -> l.contains("\"error\""))) {
          registryTags.add(repo.substring(repo.indexOf('/') + 1) + ":" + tag);
        }
      } else {
        send(ex, 404, "application/json", "{\"message\":\"fake engine: no route " + path + "\"}");
      }
    }
  }

  private void build(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    CountDownLatch hold = holdBuild;
    try {
      if (hold != null) {
        out.write("{\"stream\":\"Step 1/9 : RUN sleep 1000\\n\"}\r\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (!hold.await(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
          out.write("{\"stream\":\".\"}\r\n".getBytes(StandardCharsets.UTF_8)); // fails once the client has gone
          out.flush();
        }
      }
      for (String line : buildStream) {
        Thread.sleep(streamDelayMs);
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      String tag = query(ex.getRequestURI().getRawQuery()).get("t");
      if (tag != null && buildStream.stream().noneMatch(l -> l.contains("\"error\""))) {
        images.add(tag);
      }
    } catch (IOException e) {
      buildDisconnected.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void registry(HttpExchange ex, String path) throws IOException {
    int m = path.indexOf("/manifests/");
    String key = m < 0 ? "" : path.substring(4, m) + ":" + path.substring(m + 11);
    int status = path.equals("/v2/") ? 200 : registryTags.contains(key) ? 200 : 404;
    ex.sendResponseHeaders(status, -1);
  }

  private void stream(HttpExchange ex, List<String> lines) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, 0);
    for (String line : lines) {
      try {
        Thread.sleep(streamDelayMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      ex.getResponseBody().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return q;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      q.merge(k, v, (a, b) -> a + "," + b);
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
