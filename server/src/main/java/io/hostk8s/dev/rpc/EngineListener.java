package io.hostk8s.dev.rpc;

import io.hostk8s.dev.protocol.HostK8sEvent;
import io.hostk8s.dev.protocol.StatusSnapshot;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;

/** Notifications the engine owner sends to every attached front end. */
public interface EngineListener {
  @JsonNotification("engine/status")
  void statusChanged(StatusSnapshot status);

  @JsonNotification("engine/event")
  void event(HostK8sEvent event);

  @JsonNotification("engine/log")
  void log(io.hostk8s.dev.protocol.LogBatch batch);

  @JsonNotification("engine/progress")
  void progress(ProgressNotice notice);

  /** kind: begin | report | end. */
  record ProgressNotice(String progressId, String kind, String message, Integer percentage) {}
}
