package io.hostk8s.dev.cloud.publish.debug;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.hostk8s.dev.cloud.publish.DebugMode;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.core.DevOnly;
import io.hostk8s.dev.deploy.DevTransform;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The published Deployment in and out of debug mode, as pure functions on a copy. In: the local dev transform
 * ({@link DevTransform}: the debugger port, and JDWP in JAVA_TOOL_OPTIONS for Java), the dev image when one is given
 * (vote: debugpy is in Dockerfile.dev, not in the production image; it runs as root, so {@code runAsNonRoot} is lifted
 * on that container), one replica (so the breakpoint sees every request), no liveness probe (a paused process would
 * be restarted). What it was before — replicas and the whole pod template — is kept in the annotation
 * {@value #RESTORE}, and what debug mode is in {@value #MARKER}. Out: exactly that template and those replicas back.
 */
public final class CloudDebugPatch {
  public static final String MARKER = DevOnly.CLOUD_DEBUG_ANNOTATION;
  public static final String RESTORE = "hostk8s.dev/cloud-debug-restore";
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private CloudDebugPatch() {}

  /** What {@value #RESTORE} holds: the production replicas and pod template. */
  public record Restore(Integer replicas, PodTemplateSpec template) {}

  /** The Deployment in debug mode; one already in debug mode is first restored, so starting again converges. */
  public static Deployment start(Deployment live, String service, ServiceConfig config, String devImage, String since) {
    Deployment production = stop(live);
    DevTransform.Result r = new DevTransform().apply(List.of(production), Map.of(service, config));
    if (r.objects().get(0) == production) {
      throw HostK8sException.user(ErrorCode.CLOUD_DEBUG_UNSUPPORTED, "Deployment " + live.getMetadata().getName()
          + " does not run service " + service + " (its pods' labels do not match services." + service + ".selector "
          + config.selector() + ").", "Check services." + service + ".selector in hostk8s.dev.yaml against the "
          + "published manifests (voting-app/k8s/digitalocean).");
    }
    Deployment d = (Deployment) r.objects().get(0);
    Container c = DevTransform.container(d, config).orElseThrow();
    if (devImage != null) {
      c.setImage(devImage);
      SecurityContext sc = c.getSecurityContext();
      if (sc != null && Boolean.TRUE.equals(sc.getRunAsNonRoot())) {
        sc.setRunAsNonRoot(false);
      }
    }
    c.setLivenessProbe(null);
    d.getSpec().setReplicas(1);
    Map<String, String> annotations = annotations(d);
    annotations.put(MARKER, JSON.asJson(new DebugMode(service, d.getMetadata().getName(), config.debug().runtime(),
        port(c), c.getImage(), since)));
    annotations.put(RESTORE, JSON.asJson(new Restore(production.getSpec().getReplicas(), production.getSpec().getTemplate())));
    d.getMetadata().setAnnotations(annotations);
    return d;
  }

  /** The Deployment as it was before debug mode (a copy of {@code live} when it is not in debug mode). */
  public static Deployment stop(Deployment live) {
    Deployment d = JSON.clone(live);
    Optional<Restore> restore = restore(live);
    if (restore.isEmpty()) {
      return d;
    }
    d.getSpec().setReplicas(restore.get().replicas());
    d.getSpec().setTemplate(restore.get().template());
    Map<String, String> annotations = annotations(d);
    annotations.remove(MARKER);
    annotations.remove(RESTORE);
    d.getMetadata().setAnnotations(annotations);
    return d;
  }

  /** Its debug mode, when the Deployment is in it. */
  public static Optional<DebugMode> mode(Deployment d) {
    String json = d.getMetadata().getAnnotations() == null ? null : d.getMetadata().getAnnotations().get(MARKER);
    return Optional.ofNullable(json).map(j -> JSON.unmarshal(j, DebugMode.class));
  }

  static Optional<Restore> restore(Deployment d) {
    String json = d.getMetadata().getAnnotations() == null ? null : d.getMetadata().getAnnotations().get(RESTORE);
    return Optional.ofNullable(json).map(j -> JSON.unmarshal(j, Restore.class));
  }

  private static int port(Container c) {
    return c.getPorts().stream().filter(p -> List.of("debugpy", "jdwp", "inspector").contains(p.getName()))
        .map(p -> p.getContainerPort()).findFirst().orElse(0);
  }

  private static Map<String, String> annotations(Deployment d) {
    return new LinkedHashMap<>(d.getMetadata().getAnnotations() == null ? Map.of() : d.getMetadata().getAnnotations());
  }
}
