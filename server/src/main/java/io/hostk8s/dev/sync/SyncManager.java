package io.hostk8s.dev.sync;

import io.hostk8s.dev.core.DevOnly;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.ServiceStatus;
import io.hostk8s.dev.protocol.SyncStatus;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's sync sessions (an {@link EngineServices#feature}): start/stop per service, explain, and the glue to
 * the engine — pods watched with an informer (a replaced pod triggers a reconcile), batch reports published as
 * {@code sync.batch} events and the session state as {@code services[].sync} in the status.
 */
public final class SyncManager implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SyncManager.class.getName());
  private final EngineServices engine;
  private final Map<String, Running> sessions = new LinkedHashMap<>();

  private record Running(SyncSession session, SharedIndexInformer<Pod> informer) {}

  public SyncManager(EngineServices engine) {
    this.engine = engine;
  }

  public static SyncManager of(EngineServices engine) {
    return engine.feature(SyncManager.class, SyncManager::new);
  }

  /** Starts (or returns the running) session of {@code service} with fabric8 exec and the default coalescing. */
  public SyncSession start(String service) throws InterruptedException {
    return start(service, new Fabric8PodExec(engine::kube), SyncSession.Options.DEFAULT);
  }

  /** Starts with a given exec transport and tuning (tests, benchmarks). */
  public SyncSession start(String service, PodExec exec, SyncSession.Options options) throws InterruptedException {
    DevOnly.refuseOnCloud(engine.workspace(), "file sync", "it would copy your working files into the production "
        + "pods behind the published URL");
    synchronized (sessions) {
      Running r = sessions.get(service);
      if (r != null) {
        return r.session();
      }
    }
    DevConfig config = engine.workspace().config().config();
    ServiceConfig svc = service(config, service);
    List<SyncSource> sources = SyncSources.of(engine.workspace().root(), service, svc);
    PodLocator locator = new PodLocator(engine::kube, config.namespace(), svc.selector(), svc.container());
    @SuppressWarnings("unchecked")
    SharedIndexInformer<Pod>[] watched = new SharedIndexInformer[1];
    PodFinder finder = new PodFinder() {
      @Override
      public List<PodRef> find() {
        SharedIndexInformer<Pod> inf = watched[0];
        // the informer's cache is the selector's pods as of the last watch event: no LIST round trip per batch
        return inf != null && inf.isRunning() && inf.hasSynced() ? locator.refs(inf.getStore().list()) : locator.find();
      }

      @Override
      public String describe() {
        return locator.describe();
      }
    };
    SyncSession session = new SyncSession(service, sources, finder, exec, svc.afterSync(), listener(service), options);
    session.probeServing(engine::kube, svc.container());
    SharedIndexInformer<Pod> informer = null;
    try {
      informer = engine.kube().pods().inNamespace(config.namespace()).withLabels(svc.selector()).inform(new ResourceEventHandler<>() {
        @Override
        public void onAdd(Pod pod) {
          changed(pod);
        }

        @Override
        public void onUpdate(Pod old, Pod pod) {
          changed(pod);
        }

        @Override
        public void onDelete(Pod pod, boolean unknown) {
          // the next batch resolves the pods again
        }

        private void changed(Pod pod) {
          if (PodLocator.running(pod)) {
            session.podChanged(pod.getMetadata().getUid());
          }
        }
      }, 0);
      watched[0] = informer;
      SyncStatus first = session.start(Duration.ofSeconds(90));
      engine.events().publish(HostK8sEvent.of("sync.started", service, service + ": syncing " + sources.stream()
          .map(s -> engine.workspace().root().relativize(s.root()) + " → " + s.to()).toList() + " (" + first.state() + ")"));
    } catch (RuntimeException | InterruptedException e) {
      session.close();
      if (informer != null) {
        informer.close();
      }
      throw e;
    }
    synchronized (sessions) {
      Running existing = sessions.putIfAbsent(service, new Running(session, informer));
      if (existing != null) {
        session.close();
        informer.close();
        return existing.session();
      }
    }
    return session;
  }

  /** Stops the session of {@code service}; its last status, or null when none ran. */
  public SyncStatus stop(String service) {
    Running r;
    synchronized (sessions) {
      r = sessions.remove(service);
    }
    if (r == null) {
      return null;
    }
    r.informer().close();
    r.session().close();
    SyncStatus last = r.session().status();
    // the session's figures stay in its result and events; status says it is off (no stale latency in the UI)
    engine.status().update(snap -> snap.withServices(snap.services().stream()
        .map(x -> x.name().equals(service) ? x.withSync(SyncStatus.OFF) : x).toList()));
    engine.events().publish(HostK8sEvent.of("sync.stopped", service, service + ": sync stopped"));
    return last;
  }

  public SyncSession session(String service) {
    synchronized (sessions) {
      Running r = sessions.get(service);
      return r == null ? null : r.session();
    }
  }

  public List<String> running() {
    synchronized (sessions) {
      return new ArrayList<>(sessions.keySet());
    }
  }

  /**
   * Why {@code path} is or is not synced. {@code service} may be null: the service whose sync source holds the path.
   * Relative paths are taken from the workspace root, else (with a service) from the service context.
   */
  public Explanation explain(String service, String path) {
    DevConfig config = engine.workspace().config().config();
    Path ws = engine.workspace().root();
    String name = service;
    if (name == null) {
      name = config.services().entrySet().stream().filter(e -> !e.getValue().sync().isEmpty())
          .filter(e -> ws.resolve(path).normalize().startsWith(ws.resolve(e.getValue().context()).normalize()))
          .map(Map.Entry::getKey).findFirst().orElseThrow(() -> HostK8sException.user(ErrorCode.SYNC_NOT_CONFIGURED,
              "No service with sync rules holds " + path + ".", "Pass the service, or a path inside a service context with sync rules."));
    }
    ServiceConfig svc = service(config, name);
    Path file = service == null ? ws.resolve(path).normalize() : resolve(ws, svc, path);
    boolean dir = path.endsWith("/") || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
    String shown = file.startsWith(ws) ? ws.relativize(file).toString() : file.toString();
    for (SyncSource s : SyncSources.of(ws, name, svc)) {
      if (!file.startsWith(s.root()) || file.equals(s.root())) {
        continue;
      }
      SyncPaths.Result rel = SyncPaths.relative(s.root(), file);
      if (!rel.ok()) {
        return new Explanation(name, shown, "refused", null, null, null, rel.refusal());
      }
      IgnoreDecision d = s.ignore().decide(rel.path(), dir);
      String target = s.target(rel.path());
      if (d.ignored()) {
        return new Explanation(name, shown, "ignored", target, d, null, d.describe() + "; saves of it are not synced");
      }
      if (!dir && Files.isSymbolicLink(file)) {
        SyncPaths.Result r = SyncPaths.readable(s.root(), file, rel.path());
        if (!r.ok()) {
          return new Explanation(name, shown, "refused", target, d, null, r.refusal());
        }
      }
      return new Explanation(name, shown, "synced", target, d.source() == null ? null : d, inPod(name, file, target, dir),
          (d.source() == null ? "no ignore rule matches" : d.describe()) + "; a save is copied to " + target
              + (session(name) == null ? " once sync runs (hostk8s-dev sync " + name + ")" : ""));
    }
    return new Explanation(name, shown, "not synced", null, null, null, "no sync rule of " + name + " covers it (sources: "
        + svc.sync().stream().map(r -> svc.context() + "/" + r.from()).toList() + ")");
  }

  private String inPod(String service, Path file, String target, boolean dir) {
    SyncSession s = session(service);
    if (s == null || dir || !Files.isRegularFile(file)) {
      return null;
    }
    String podHash = s.podHash(target);
    if (podHash == null) {
      return "not in the pod";
    }
    try {
      return podHash.equals(new LocalFiles().hash(file)) ? "same content" : "different content — a batch is pending or failed";
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static Path resolve(Path ws, ServiceConfig svc, String path) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return p.normalize();
    }
    Path fromWs = ws.resolve(p).normalize();
    Path context = ws.resolve(svc.context()).normalize();
    boolean climbs = java.util.stream.StreamSupport.stream(p.spliterator(), false).anyMatch(x -> x.toString().equals(".."));
    return climbs || fromWs.startsWith(context) || Files.exists(fromWs, LinkOption.NOFOLLOW_LINKS) ? fromWs : context.resolve(p).normalize();
  }

  private static ServiceConfig service(DevConfig config, String service) {
    ServiceConfig svc = config.services().get(service);
    if (svc == null) {
      throw HostK8sException.user(ErrorCode.UNKNOWN_SERVICE, "Unknown service '" + service + "'.",
          "Use one of " + config.services().keySet() + ".");
    }
    return svc;
  }

  private SyncSession.Listener listener(String service) {
    return new SyncSession.Listener() {
      @Override
      public void onBatch(BatchReport r) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pod", r.pod());
        data.put("reason", r.reason());
        data.put("files", r.files());
        data.put("deletes", r.deletes());
        data.put("bytes", r.bytes());
        data.put("latencyMs", r.latencyMs());
        data.put("attempt", r.attempt());
        data.put("refused", r.refused());
        if (r.error() != null) {
          data.put("error", r.error());
        }
        engine.events().publish(new HostK8sEvent("sync.batch", service, r.describe(), data, r.appliedAtMillis()));
      }

      @Override
      public void onServing(long ms) {
        engine.events().publish(new HostK8sEvent("sync.serving", service, service + ": serving the new code " + ms + " ms after the save",
            Map.of("servingMs", ms), System.currentTimeMillis()));
      }

      @Override
      public void onStatus(SyncStatus s) {
        engine.status().update(snap -> snap.withServices(snap.services().stream()
            .map(x -> x.name().equals(service) ? x.withSync(s) : x).toList()));
      }
    };
  }

  @Override
  public void close() {
    for (String s : running()) {
      try {
        stop(s);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "stopping sync of " + s + " failed", e);
      }
    }
  }
}
