package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.sync.SyncManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's features that live on a running cluster — sync sessions, pod log streams, port-forwards — stopped
 * when the cluster goes away (sandbox down, cluster stop), so status does not keep showing them as live.
 * Debug sessions are left alone: they say in the IDE that they are re-attaching, and do once the app is back.
 */
final class ClusterFeatures {
  private ClusterFeatures() {}

  /** Stops what is running; returns one line per stopped thing (e.g. "sync vote"). */
  static List<String> stopAll(EngineServices engine) {
    List<String> stopped = new ArrayList<>();
    SyncManager sync = engine.featureIfPresent(SyncManager.class);
    if (sync != null) {
      for (String s : sync.running()) {
        sync.stop(s);
        stopped.add("sync " + s);
      }
    }
    LogStreams logs = engine.featureIfPresent(LogStreams.class);
    if (logs != null) {
      for (String s : logs.followed()) {
        logs.stop(s);
        stopped.add("logs " + s);
      }
    }
    PortForwards forwards = engine.featureIfPresent(PortForwards.class);
    if (forwards != null) {
      for (ForwardStatus f : forwards.list()) {
        forwards.close(f.service(), f.name());
        stopped.add("forward " + f.service() + "/" + f.name());
      }
    }
    return stopped;
  }
}
