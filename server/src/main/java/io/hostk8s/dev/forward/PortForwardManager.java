package io.hostk8s.dev.forward;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link PortForwards} of one engine: the open forwards, their stable local ports, their part of the status. */
public final class PortForwardManager implements PortForwards {
  private static final Set<Integer> HTTP_PORTS = Set.of(80, 3000, 5000, 8000, 8080);
  private final EngineServices services;
  private final LocalPorts ports = new LocalPorts();
  private final Map<String, ManagedForward> open = new LinkedHashMap<>();
  private final ScheduledExecutorService timer;
  private final ExecutorService connector;
  private final ManagedForward.Changes changes = new ManagedForward.Changes() {
    @Override
    public void changed(ManagedForward f) {
      publish();
    }

    @Override
    public void moved(ManagedForward f, String from, String to) {
      services.events().publish(HostK8sEvent.of("forward.moved", f.service(),
          f.service() + "/" + f.name() + " 127.0.0.1:" + f.localPort() + " now goes to " + to + " (was " + from + ")"));
    }
  };

  public PortForwardManager(EngineServices services) {
    this.services = services;
    AtomicInteger n = new AtomicInteger();
    this.timer = Executors.newScheduledThreadPool(1, r -> daemon(r, "forward-timer"));
    this.connector = Executors.newCachedThreadPool(r -> daemon(r, "forward-connect-" + n.incrementAndGet()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public Forward open(String service, String name, int remotePort, Integer preferredLocalPort) {
    ForwardTarget target = ForwardTarget.resolve(services.kube(), services.workspace().config().config(), service);
    String forwardName = name == null || name.isBlank() ? String.valueOf(remotePort) : name;
    ManagedForward f;
    synchronized (open) {
      String key = service + "/" + forwardName;
      ManagedForward existing = open.get(key);
      if (existing != null && existing.remotePort() == remotePort
          && (preferredLocalPort == null || preferredLocalPort == existing.localPort())) {
        return existing;
      }
      if (existing != null) {
        open.remove(key).close();
      }
      ServerSocketChannel listener = ports.bind(service, forwardName, preferredLocalPort);
      f = new ManagedForward(target, forwardName, remotePort, listener, url(target, forwardName, remotePort),
          services::kube, timer, connector, changes);
      open.put(key, f);
    }
    f.start();
    publish();
    services.events().publish(HostK8sEvent.of("forward.open", service,
        service + "/" + forwardName + ": 127.0.0.1:" + f.localPort() + " → " + service + ":" + remotePort));
    return f;
  }

  /** An http:// URL for web ports (see {@link #isWeb}); null for others (debuggers, databases). */
  private String url(ForwardTarget target, String name, int remotePort) {
    String portName;
    try {
      portName = target.portName(services.kube(), remotePort);
    } catch (RuntimeException e) {
      portName = null;
    }
    return isWeb(portName, name, remotePort) ? "http://127.0.0.1:{port}/" : null;
  }

  /**
   * Whether a forward leads to a web page: the pod's port is named http* (its name decides when it has one: a
   * {@code debugpy} or {@code jdwp} port is never a web page, whatever its number); an unnamed port when the
   * forward is named http* or the number is a usual web port. A forward named like the debugger's never is.
   */
  static boolean isWeb(String portName, String forwardName, int remotePort) {
    if (portName != null && !portName.isBlank()) {
      return portName.startsWith("http");
    }
    if (forwardName.startsWith("debug")) {
      return false;
    }
    return forwardName.startsWith("http") || HTTP_PORTS.contains(remotePort);
  }

  /** The open forward (service, name), or null. */
  public Forward get(String service, String name) {
    synchronized (open) {
      return open.get(service + "/" + name);
    }
  }

  /** The open forwards of {@code service}. */
  public List<Forward> forwardsOf(String service) {
    synchronized (open) {
      return open.values().stream().filter(f -> f.service().equals(service)).map(Forward.class::cast).toList();
    }
  }

  @Override
  public List<ForwardStatus> list() {
    synchronized (open) {
      return open.values().stream().map(ManagedForward::status).toList();
    }
  }

  @Override
  public boolean close(String service, String name) {
    ManagedForward f;
    synchronized (open) {
      f = open.remove(service + "/" + name);
    }
    if (f == null) {
      return false;
    }
    f.close();
    publish();
    services.events().publish(new HostK8sEvent("forward.closed", service, service + "/" + name + ": 127.0.0.1:" + f.localPort() + " closed",
        Map.of("name", name, "localPort", f.localPort()), System.currentTimeMillis()));
    return true;
  }

  private void publish() {
    services.status().update(s -> s.withForwards(list()));
  }

  @Override
  public void close() {
    List<ManagedForward> all;
    synchronized (open) {
      all = new ArrayList<>(open.values());
      open.clear();
    }
    all.forEach(ManagedForward::close);
    timer.shutdownNow();
    connector.shutdownNow();
    if (!all.isEmpty()) {
      services.status().update(s -> s.withForwards(List.of()));
    }
  }
}
