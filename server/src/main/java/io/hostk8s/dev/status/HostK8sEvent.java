package io.hostk8s.dev.status;

import java.util.Map;

/** A fine-grained event ({@code hostk8s/event}): e.g. type "sync.batch", "deploy.rollout", "sandbox.up". */
public record HostK8sEvent(String type, String service, String message, Map<String, Object> data, long timeMillis) {
  public HostK8sEvent {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  public static HostK8sEvent of(String type, String service, String message) {
    return new HostK8sEvent(type, service, message, Map.of(), System.currentTimeMillis());
  }
}
