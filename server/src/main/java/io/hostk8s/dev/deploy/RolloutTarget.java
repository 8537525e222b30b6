package io.hostk8s.dev.deploy;

import java.util.Map;

/**
 * One thing whose rollout is watched: a configured service (published in the status) or another Deployment
 * of the manifests (e.g. redis, db: waited for, reported in the deploy result). Pods are found by
 * {@code selector}; the Deployment by {@code deployment} (null when the manifests have none for it).
 */
public record RolloutTarget(String name, Map<String, String> selector, String deployment, boolean configured) {
  public RolloutTarget {
    selector = Map.copyOf(selector);
  }
}
