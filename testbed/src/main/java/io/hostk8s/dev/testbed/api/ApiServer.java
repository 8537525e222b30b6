package io.hostk8s.dev.testbed.api;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.hostk8s.dev.testbed.kubelet.PodRuntimes;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/** The stand-in API server: fabric8's CRUD mock behind our kubelet dispatcher, served by {@link FrontDoor}. */
public final class ApiServer implements AutoCloseable {

  private final KubernetesMockServer mock;
  private final FrontDoor front;

  /** @param port the port to serve on, 0 for any free one */
  public ApiServer(PodRuntimes pods, int port) throws Exception {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubeletDispatcher dispatcher = new KubeletDispatcher(new KubernetesMixedDispatcher(responses), pods);
    mock = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(), responses,
        dispatcher, false);
    mock.init(InetAddress.getLoopbackAddress(), 0);
    front = new FrontDoor(dispatcher, pods, port);
  }

  public String url() {
    return "http://127.0.0.1:" + front.port();
  }

  public int port() {
    return front.port();
  }

  @Override
  public void close() {
    front.close();
    mock.destroy();
  }
}
