package io.hostk8s.dev.cloud.publish.debug;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.deploy.DevTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What putting one published service into debug mode changes and costs, in words, from its live Deployment —
 * the preview a person consents to ({@code publish debug plan}, and the refusal without {@code --yes}). Pure.
 */
public final class CloudDebugPlan {
  private CloudDebugPlan() {}

  /** Whether the runtime needs a dev image: Python's production image has no debugpy; JDWP and --inspect are built in. */
  public static boolean needsDevImage(ServiceConfig config) {
    return "python".equals(config.debug().runtime());
  }

  /** One sentence: the service, the Deployment and the debugger. */
  public static String summary(String service, Deployment live, ServiceConfig config) {
    return "Debug mode for " + service + " on the published app: Deployment " + live.getMetadata().getName() + " gets "
        + debugger(config) + " and runs 1 replica until `hostk8s-dev publish debug stop`";
  }

  public static List<String> lines(String service, Deployment live, ServiceConfig config, String registry) {
    Container c = DevTransform.container(live, config).orElseThrow();
    int replicas = live.getSpec().getReplicas() == null ? 1 : live.getSpec().getReplicas();
    List<String> out = new ArrayList<>();
    out.add("Deployment " + live.getMetadata().getName() + " (namespace " + live.getMetadata().getNamespace()
        + "), container " + c.getName() + ": now " + c.getImage());
    if (needsDevImage(config)) {
      out.add("image: a DEV image in production — built from " + config.context() + "/" + config.dockerfile()
          + " (debugpy, the dev requirements and the whole build context; runs as root, so runAsNonRoot is lifted on this"
          + " container) and pushed to the registry " + registry + " (a second tag of the same repository; larger than the"
          + " production image — its size is not measured here)");
    } else {
      out.add("image: unchanged (" + c.getImage() + "); the debugger is the runtime's own agent: " + agent(config));
    }
    out.add("debugger: " + debugger(config) + " inside the cluster only — reached through a port-forward from your machine,"
        + " never through the load balancer");
    out.add("replicas: " + replicas + " → 1 while debugging, so the breakpoint sees every request"
        + (replicas > 1 ? " (no redundancy: a restart of that pod is downtime)" : ""));
    out.add("visitors: a paused breakpoint holds REAL visitors' requests behind the published URL until you continue"
        + " (they wait, then time out); the pod may turn unready and " + service + " answers 503 meanwhile");
    out.add("probes: the liveness probe is removed while debugging (a paused process must not be restarted); readiness stays");
    out.add("node resources: " + resources(c) + " for the one pod; the debugger runs inside the container, under its"
        + " limits; during the switch a new pod starts before the old ones stop (a surge pod's requests for a moment)");
    out.add("rollout: the pods are replaced now (a few seconds of rollout), and again on stop");
    out.add("back to production: `hostk8s-dev publish debug stop --service " + service + "` restores the recorded replicas"
        + " and pod template (image, ports, env, probes) with readiness; `publish apply` does the same first");
    return out;
  }

  private static String debugger(ServiceConfig config) {
    return switch (config.debug().runtime()) {
      case "python" -> "debugpy on port " + port(config, 5678);
      case "java" -> "a JDWP agent (JAVA_TOOL_OPTIONS) on port " + port(config, 5005);
      case "node" -> "the Node inspector (NODE_OPTIONS --inspect) on port " + port(config, 9229);
      default -> "a " + config.debug().runtime() + " debugger on port " + config.debug().port();
    };
  }

  private static String agent(ServiceConfig config) {
    return "java".equals(config.debug().runtime()) ? "-agentlib:jdwp in JAVA_TOOL_OPTIONS (no dev image needed)"
        : "--inspect in NODE_OPTIONS (no dev image needed)";
  }

  private static int port(ServiceConfig config, int fallback) {
    return config.debug().port() > 0 ? config.debug().port() : fallback;
  }

  private static String resources(Container c) {
    ResourceRequirements r = c.getResources();
    if (r == null || (r.getRequests() == null || r.getRequests().isEmpty()) && (r.getLimits() == null || r.getLimits().isEmpty())) {
      return "no requests or limits declared";
    }
    return "requests " + quantities(r.getRequests()) + ", limits " + quantities(r.getLimits());
  }

  private static String quantities(Map<String, Quantity> q) {
    return q == null || q.isEmpty() ? "none" : q.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
