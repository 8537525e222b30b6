package io.hostk8s.dev.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A Docker Engine API on a loopback TCP port answering what the cluster's registry setup calls (container
 * inspect/create/start/remove, image inspect/pull, network connect, exec create/start/inspect) from a tiny state
 * model, recording every request (method, path without the /v1.xx prefix and query, body).
 */
final class FakeDockerApi implements AutoCloseable {
  record Request(String method, String path, String query, String body) {}

  final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  volatile boolean containerExists;
  volatile boolean imagePresent;
  volatile boolean onKindNetwork;
  volatile boolean running;
  volatile int execExit;
  private final HttpServer server;

  FakeDockerApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String dockerHost() {
    return "tcp://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests(String method, String path) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().replaceFirst("^/v1\\.\\d+", "");
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = ex.getRequestMethod();
    requests.add(new Request(method, path, ex.getRequestURI().getRawQuery(), body));
    String c = "/containers/" + RegistrySpec.CONTAINER;
    if (method.equals("GET") && path.equals("/_ping")) {
      send(ex, 200, "text/plain", "OK");
    } else if (method.equals("GET") && (path.equals(c + "/json") || path.equals("/containers/abc123/json"))) {
      if (!containerExists) {
        send(ex, 404, "application/json", "{\"message\":\"No such container: " + RegistrySpec.CONTAINER + "\"}");
      } else {
        String networks = onKindNetwork ? "{\"bridge\":{},\"kind\":{}}" : "{\"bridge\":{}}";
        send(ex, 200, "application/json", "{\"Id\":\"abc123\",\"Name\":\"/" + RegistrySpec.CONTAINER + "\",\"State\":{\"Running\":" + running
            + "},\"NetworkSettings\":{\"Networks\":" + networks + "}}");
      }
    } else if (method.equals("GET") && path.startsWith("/images/") && path.endsWith("/json")) {
      send(ex, imagePresent ? 200 : 404, "application/json", imagePresent ? "{\"Id\":\"sha256:1\"}" : "{\"message\":\"No such image\"}");
    } else if (method.equals("POST") && path.equals("/images/create")) {
      imagePresent = true;
      send(ex, 200, "application/json", "{\"status\":\"Pulling from library/registry\"}\n{\"status\":\"Downloaded newer image for registry:2\"}\n");
    } else if (method.equals("POST") && path.equals("/containers/create")) {
      containerExists = true;
      send(ex, 201, "application/json", "{\"Id\":\"abc123\",\"Warnings\":[]}");
    } else if (method.equals("POST") && path.equals("/containers/abc123/start")) {
      boolean was = running;
      running = true;
      send(ex, was ? 304 : 204, null, "");
    } else if (method.equals("POST") && path.equals("/networks/kind/connect")) {
      onKindNetwork = true;
      send(ex, 200, null, "");
    } else if (method.equals("POST") && path.matches("/containers/[^/]+/exec")) {
      send(ex, 201, "application/json", "{\"Id\":\"exec1\"}");
    } else if (method.equals("POST") && path.equals("/exec/exec1/start")) {
      send(ex, 200, "application/vnd.docker.raw-stream", "");
    } else if (method.equals("GET") && path.equals("/exec/exec1/json")) {
      send(ex, 200, "application/json", "{\"ID\":\"exec1\",\"Running\":false,\"ExitCode\":" + execExit + "}");
    } else if (method.equals("DELETE") && path.equals(c)) {
      boolean existed = containerExists;
      containerExists = false;
      send(ex, existed ? 204 : 404, "application/json", existed ? "" : "{\"message\":\"No such container\"}");
    } else {
      send(ex, 500, "application/json", "{\"message\":\"fake: unexpected " + method + " " + path + "\"}");
    }
  }

  private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().set("Content-Type", type);
    }
    ex.sendResponseHeaders(status, status == 204 || status == 304 ? -1 : bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && status != 204 && status != 304) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
