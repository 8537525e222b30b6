package io.hostk8s.dev.protocol;

import java.util.Map;

/** A fine-grained event ({@code hostk8s/event}): e.g. type "sync.batch", "deploy.rollout", "sandbox.up". */
public record HostK8sEvent(String type, String service, String message, Map<String, Object> data, long timeMillis) {
  public HostK8sEvent {
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /**
   * One line for people: the message, with {@code service: } in front unless it already begins with the service's
   * name ({@code vote: syncing …}, {@code vote → pod …}, {@code vote/http …}, {@code vote runs on the host …}).
   */
  public String text() {
    if (service == null || service.isEmpty() || message == null) {
      return message == null ? "" : message;
    }
    boolean named = message.startsWith(service)
        && (message.length() == service.length() || !Character.isLetterOrDigit(message.charAt(service.length())));
    return named ? message : service + ": " + message;
  }

  public static HostK8sEvent of(String type, String service, String message) {
    return new HostK8sEvent(type, service, message, Map.of(), System.currentTimeMillis());
  }
}
