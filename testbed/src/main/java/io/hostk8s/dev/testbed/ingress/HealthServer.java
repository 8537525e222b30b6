package io.hostk8s.dev.testbed.ingress;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Answers {@code 200 ok} to every HTTP request on the given local ports: the health and metrics ports of
 * cert-manager's Deployments ({@code /healthz}, {@code /livez}), so their probes pass.
 */
final class HealthServer implements AutoCloseable {

  private final List<HttpServer> servers = new ArrayList<>();

  HealthServer(Collection<Integer> localPorts) throws IOException {
    for (int port : localPorts) {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
      s.createContext("/", ex -> {
        byte[] body = "ok\n".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      });
      s.start();
      servers.add(s);
    }
  }

  @Override
  public void close() {
    servers.forEach(s -> s.stop(0));
  }
}
