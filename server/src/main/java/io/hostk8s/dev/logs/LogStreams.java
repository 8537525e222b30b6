package io.hostk8s.dev.logs;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.ForwardTarget;
import io.hostk8s.dev.forward.PodTracker;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine's followed pod logs (one follower per service), published on the engine's {@link LogBus}; an
 * {@code EngineServices} feature, so every stream stops when the engine closes.
 */
public final class LogStreams implements AutoCloseable {
  /** Lines of the current pod sent first when following starts, unless the caller asks otherwise. */
  public static final int DEFAULT_TAIL = 100;
  private final EngineServices services;
  private final LogBus bus;
  private final Map<String, ServiceLogFollower> followers = new LinkedHashMap<>();
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
    Thread t = new Thread(r, "logs-timer");
    t.setDaemon(true);
    return t;
  });

  public LogStreams(EngineServices services) {
    this.services = services;
    this.bus = LogBus.of(services);
  }

  public static LogStreams of(EngineServices services) {
    return services.feature(LogStreams.class, LogStreams::new);
  }

  /** What a follow call reports: the service, the pod followed (null until one exists) and whether it was already followed. */
  public record Following(String service, String pod, boolean alreadyFollowing) {}

  /**
   * Starts following {@code service} (a no-op when it is already followed); waits up to {@code waitForPod} for a
   * pod so the answer can name it. Unknown service → UNKNOWN_SERVICE.
   */
  public Following follow(String service, int tailLines, Duration waitForPod) {
    ForwardTarget target = ForwardTarget.resolve(services.kube(), services.workspace().config().config(), service);
    ServiceLogFollower f;
    boolean existed;
    synchronized (followers) {
      f = followers.get(service);
      existed = f != null;
      if (!existed) {
        f = new ServiceLogFollower(target, services::kube, timer, bus::publish, tailLines);
        followers.put(service, f);
      }
    }
    if (!existed) {
      f.start();
      services.events().publish(HostK8sEvent.of("logs.follow", service, "following the logs of " + service));
    }
    String pod = f.tracker().await(waitForPod, () -> false);
    return new Following(service, pod, existed);
  }

  /** Stops following {@code service}; returns whether it was followed. */
  public boolean stop(String service) {
    ServiceLogFollower f;
    synchronized (followers) {
      f = followers.remove(service);
    }
    if (f == null) {
      return false;
    }
    f.close();
    services.events().publish(HostK8sEvent.of("logs.stop", service, "stopped following the logs of " + service));
    return true;
  }

  /** The services followed now. */
  public List<String> followed() {
    synchronized (followers) {
      return List.copyOf(followers.keySet());
    }
  }

  /** The last {@code tailLines} lines of the service's current pod, read once (no follow). */
  public static Map<String, Object> tail(EngineServices services, String service, int tailLines) {
    ForwardTarget target = ForwardTarget.resolve(services.kube(), services.workspace().config().config(), service);
    try {
      String pod = PodTracker.currentForLogs(services.kube(), target);
      if (pod == null) {
        throw HostK8sException.user(ErrorCode.FORWARD_NO_POD, "Service '" + service + "' has no pod (selector " + target.selectorText()
            + " in namespace " + target.namespace() + ").", "Deploy it (hostk8s-dev up or deploy); `hostk8s-dev status` shows its pods.");
      }
      String text = services.kube().pods().inNamespace(target.namespace()).withName(pod).tailingLines(tailLines).getLog();
      List<String> lines = text == null || text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("service", service);
      result.put("pod", pod);
      result.put("lines", lines);
      return result;
    } catch (KubernetesClientException e) {
      throw new HostK8sException(ErrorCode.LOGS_FAILED, "The log of " + service + " cannot be read: " + e.getMessage(),
          List.of("Check `hostk8s-dev status`: is the pod running?"), true, e);
    }
  }

  @Override
  public void close() {
    List<ServiceLogFollower> all;
    synchronized (followers) {
      all = new ArrayList<>(followers.values());
      followers.clear();
    }
    all.forEach(ServiceLogFollower::close);
    timer.shutdownNow();
  }
}
