package io.hostk8s.dev.testbed.api;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.hostk8s.dev.testbed.kubelet.PodRuntime;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's API endpoint: the mock's own request handling (same dispatcher) on a server of ours, so that
 * {@code pods/log?follow=true} can stream, which the mock's buffered responses cannot.
 */
public final class FrontDoor implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final PodRuntimes pods;

  public FrontDoor(Dispatcher dispatcher, PodRuntimes pods, int port) throws Exception {
    this.pods = pods;
    HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(port)
        .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v3.channel.k8s.io", "v2.channel.k8s.io",
            "channel.k8s.io"))
        .setHandle100ContinueAutomatically(true)
        .setMaxWebSocketFrameSize(16 * 1024 * 1024)
        .setMaxWebSocketMessageSize(64 * 1024 * 1024)
        .setWebSocketClosingTimeout(10);
    HttpServerRequestHandler mock = new HttpServerRequestHandler(vertx) {
      @Override
      protected MockResponse onHttpRequest(RecordedRequest request) {
        return dispatcher.dispatch(request);
      }
    };
    server = vertx.createHttpServer(options).requestHandler(req -> {
      Optional<PodRuntime> follow = followedPod(req);
      if (follow.isPresent()) {
        LogFollower.follow(follow.get(), PodPath.query(req.query()).getOrDefault("tailLines", List.of(""))
            .stream().filter(s -> !s.isEmpty()).findFirst().orElse(null), req.response());
      } else {
        mock.handle(req);
      }
    });
    server.listen().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private Optional<PodRuntime> followedPod(HttpServerRequest req) {
    if (!"GET".equals(req.method().name()) || !req.path().endsWith("/log")) {
      return Optional.empty();
    }
    return PodPath.parse(req.uri()).filter(p -> p.flag("follow"))
        .flatMap(p -> pods.get(p.namespace(), p.pod()));
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }
}
