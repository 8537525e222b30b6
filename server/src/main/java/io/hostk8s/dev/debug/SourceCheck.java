package io.hostk8s.dev.debug;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Verifies path mappings before attaching: the sha256 of each given source file (relative to {@code localRoot})
 * against the same path under {@code remoteRoot} in a pod of the service, with one {@code sha256sum} exec. The
 * result is published as a {@code debug.sourceCheck} event (the LSP turns a mismatch into a diagnostic on the
 * service's {@code debug} entry in hostk8s.dev.yaml) and returned so that the DAP session can print
 * {@link SourceCheckResult#message()} as an {@code output} event. Never throws: what cannot be checked is UNKNOWN.
 */
public final class SourceCheck {
  public static final String EVENT = "debug.sourceCheck";
  private static final Logger LOG = Logger.getLogger(SourceCheck.class.getName());
  private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(15);

  private SourceCheck() {}

  /**
   * Compares {@code relPaths} (files relative to {@code localRoot}; the DAP session passes the files that hold
   * breakpoints, else the service's main file) with {@code remoteRoot}/{@code relPath} in a running pod of
   * {@code service}; publishes and returns the result.
   */
  public static SourceCheckResult verify(EngineServices engine, String service, Path localRoot, String remoteRoot, List<String> relPaths) {
    SourceCheckResult r = compare(engine, service, localRoot, remoteRoot, relPaths);
    LOG.info(r.message());
    engine.events().publish(event(r));
    return r;
  }

  private static SourceCheckResult compare(EngineServices engine, String service, Path localRoot, String remoteRoot, List<String> relPaths) {
    if (remoteRoot == null || remoteRoot.isBlank() || !remoteRoot.startsWith("/")) {
      return SourceCheckResult.unknown(service, "no absolute remoteRoot (the container path of the sources) is"
          + " configured, so there is nothing to compare (Java images usually hold compiled classes only)");
    }
    Map<String, String> local = new HashMap<>();
    List<String> remotePaths = new ArrayList<>();
    for (String rel : relPaths) {
      Path file = localRoot.resolve(rel).normalize();
      try {
        local.put(remotePath(remoteRoot, rel), SourceHashes.sha256(file));
        remotePaths.add(remotePath(remoteRoot, rel));
      } catch (IOException e) {
        LOG.fine("no local file " + file);
      }
    }
    if (remotePaths.isEmpty()) {
      return SourceCheckResult.unknown(service, "none of the files " + relPaths + " exists under " + localRoot);
    }
    Map<String, String> remote;
    try {
      remote = remoteHashes(engine, service, remotePaths);
    } catch (HostK8sException | KubernetesClientException | IllegalStateException | IllegalArgumentException e) {
      return SourceCheckResult.unknown(service, e.getMessage());
    }
    for (String rel : relPaths) {
      String path = remotePath(remoteRoot, rel);
      String mine = local.get(path);
      if (mine != null && !mine.equals(remote.get(path))) {
        String suggestion = remote.get(path) == null
            ? "Check debug.remoteRoot (" + remoteRoot + ") in hostk8s.dev.yaml, or deploy the service (hostk8s.up)."
            : "Sync the file (hostk8s.sync.start) or rebuild and redeploy the service (hostk8s.up).";
        return SourceCheckResult.mismatch(service, remotePaths.size(), localRoot.resolve(rel).normalize(), path, mine,
            remote.get(path), suggestion);
      }
    }
    return SourceCheckResult.match(service, remotePaths.size());
  }

  static String remotePath(String remoteRoot, String rel) {
    String root = remoteRoot.endsWith("/") ? remoteRoot.substring(0, remoteRoot.length() - 1) : remoteRoot;
    return root + "/" + rel.replace('\\', '/');
  }

  /** One {@code sha256sum} exec in a running pod of the service; files it cannot read are simply absent. */
  private static Map<String, String> remoteHashes(EngineServices engine, String service, List<String> paths) {
    DevConfig config = engine.workspace().config().config();
    ServiceConfig sc = config.services().get(service);
    if (sc == null || sc.selector().isEmpty()) {
      throw new IllegalArgumentException("service '" + service + "' has no selector in hostk8s.dev.yaml");
    }
    Pod pod = ServicePods.running(engine.kube(), config.namespace(), sc.selector())
        .orElseThrow(() -> new IllegalStateException("no running pod of " + service + " in namespace " + config.namespace()));
    PodResource res = engine.kube().pods().inNamespace(config.namespace()).withName(pod.getMetadata().getName());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> cmd = new ArrayList<>(List.of("sha256sum", "--"));
    cmd.addAll(paths);
    try (ExecWatch w = (sc.container() == null ? res : res.inContainer(sc.container())).writingOutput(out).writingError(err)
        .exec(cmd.toArray(String[]::new))) {
      int code = w.exitCode().get(EXEC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      Map<String, String> hashes = SourceHashes.parse(out.toString(StandardCharsets.UTF_8));
      if (code != 0 && hashes.isEmpty() && !err.toString(StandardCharsets.UTF_8).contains("No such file")) {
        throw new IllegalStateException("sha256sum in pod " + pod.getMetadata().getName() + " exited " + code + ": "
            + err.toString(StandardCharsets.UTF_8).trim());
      }
      return hashes;
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("exec in pod " + pod.getMetadata().getName() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The {@code debug.sourceCheck} event for a result (data: state, checked; for a mismatch code, local, remote, suggestion). */
  public static HostK8sEvent event(SourceCheckResult r) {
    Map<String, Object> data = new HashMap<>();
    data.put("state", r.state().name().toLowerCase(java.util.Locale.ROOT));
    data.put("checked", r.checked());
    if (r.state() == SourceCheckResult.State.MISMATCH) {
      data.put("code", SourceCheckResult.mismatchCode().code());
      data.put("local", String.valueOf(r.local()));
      data.put("remote", r.remote());
      data.put("suggestion", r.suggestion());
    }
    if (r.why() != null) {
      data.put("why", r.why());
    }
    return new HostK8sEvent(EVENT, r.service(), r.message(), data, System.currentTimeMillis());
  }
}
