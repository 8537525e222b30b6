package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import io.hostk8s.dev.testbed.metrics.MetricsEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Optional;

/**
 * The CRUD mock plus the kubelet's endpoints ({@code pods/exec}, {@code pods/portforward}, {@code pods/log}),
 * server-side apply and the metrics API ({@link MetricsEndpoint}). Runs on the mock's event loop: everything here returns at once, sessions do their I/O on
 * their own threads.
 */
public final class KubeletDispatcher extends Dispatcher {

  private final Dispatcher crud;
  private final PodRuntimes pods;
  private final ServerSideApply apply;
  private final MetricsEndpoint metrics;

  public KubeletDispatcher(Dispatcher crud, PodRuntimes pods) {
    this.crud = crud;
    this.pods = pods;
    this.apply = new ServerSideApply(crud);
    this.metrics = new MetricsEndpoint(pods);
  }

  @Override
  public MockResponse dispatch(RecordedRequest req) {
    if (ServerSideApply.handles(req)) {
      return apply.handle(req);
    }
    if (MetricsEndpoint.handles(req.getPath()) && "GET".equalsIgnoreCase(req.getMethod())) {
      return metrics.handle(req.getPath());
    }
    Optional<PodPath> pp = PodPath.parse(req.getPath());
    boolean upgrade = req.getHeader("Upgrade") != null;
    if (pp.isEmpty() || !("GET".equalsIgnoreCase(req.getMethod()) || upgrade)) {
      return crud(req);
    }
    PodPath p = pp.get();
    Optional<PodRuntime> pod = pods.get(p.namespace(), p.pod());
    return switch (p.subresource()) {
      case "exec" -> pod.map(r -> upgrade(req, new ExecSession(r, p.params("command"), p.flag("stdin"))))
          .orElseGet(() -> notRunning(p));
      case "portforward" -> pod.map(r -> {
        int port = Integer.parseInt(p.param("ports").split(",")[0]);
        return upgrade(req, new PortForwardSession(r.name(), port, r.localPort(port)));
      }).orElseGet(() -> notRunning(p));
      case "log" -> pod.map(r -> log(r, p)).orElseGet(() -> notRunning(p));
      default -> crud(req);
    };
  }

  private MockResponse crud(RecordedRequest req) {
    MockResponse resp = crud.dispatch(req);
    if (resp.getWebSocketListener() != null) {
      resp.withWebSocketUpgrade(new OffLoopListener(resp.getWebSocketListener()));
    }
    return resp;
  }

  private static MockResponse upgrade(RecordedRequest req, io.fabric8.mockwebserver.http.WebSocketListener l) {
    String upgrade = req.getHeader("Upgrade");
    if (upgrade == null || !upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
      return ServerSideApply.status(400, "BadRequest", "Upgrade request required");
    }
    return new MockResponse().withWebSocketUpgrade(l);
  }

  static MockResponse log(PodRuntime r, PodPath p) {
    try {
      String text = Files.exists(r.logFile()) ? Files.readString(r.logFile()) : "";
      String tail = p.param("tailLines");
      if (tail != null) {
        text = LogTail.lastLines(text, Integer.parseInt(tail));
      }
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody(text);
    } catch (IOException | RuntimeException e) {
      return ServerSideApply.status(500, "InternalError", "cannot read log: " + e.getMessage());
    }
  }

  private static MockResponse notRunning(PodPath p) {
    return ServerSideApply.status(404, "NotFound",
        "pod \"" + p.pod() + "\" in namespace \"" + p.namespace() + "\" has no running container");
  }
}
