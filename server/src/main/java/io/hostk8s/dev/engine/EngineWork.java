package io.hostk8s.dev.engine;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.forward.PortForwards;
import io.hostk8s.dev.logs.LogStreams;
import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.run.LocalRuns;
import io.hostk8s.dev.sync.SyncManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The long-lived work an engine runs now — sync sessions, port-forwards, followed logs, local runs, debug sessions —
 * in words, for a front end that must say what ends with the engine or what keeps it running.
 */
public final class EngineWork {
  private EngineWork() {}

  /** E.g. {@code ["sync vote", "forward vote/http 127.0.0.1:24321", "logs -f vote", "local vote"]}; empty when idle. */
  public static List<String> of(EngineServices services) {
    List<String> work = new ArrayList<>();
    SyncManager sync = services.featureIfPresent(SyncManager.class);
    if (sync != null) {
      sync.running().forEach(s -> work.add("sync " + s));
    }
    PortForwards forwards = services.featureIfPresent(PortForwards.class);
    if (forwards != null) {
      forwards.list().forEach(f -> work.add("forward " + f.service() + "/" + f.name() + " 127.0.0.1:" + f.localPort()));
    }
    LogStreams logs = services.featureIfPresent(LogStreams.class);
    if (logs != null) {
      logs.followed().forEach(s -> work.add("logs -f " + s));
    }
    LocalRuns runs = services.featureIfPresent(LocalRuns.class);
    if (runs != null) {
      runs.running().forEach(s -> work.add("local " + s));
    }
    for (DebugSessionStatus d : services.status().get().debugSessions()) {
      work.add("debug session " + d.service());
    }
    return work;
  }
}
