package io.hostk8s.dev.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.protocol.DebugSessionStatus;
import io.hostk8s.dev.protocol.StatusSnapshot;
import io.hostk8s.dev.status.StatusStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the pods of the debug sessions go for good (sandbox down), no session row outlives them — not even "ended". */
class DebugSessionsEndAllTest {
  @Test
  void endAllClearsEveryDebugSessionFromTheStatusAndSaysWhichEnded() {
    StatusStore status = new StatusStore(new StatusSnapshot("t", null, null, List.of(), List.of(), List.of(), null, 0));
    DebugSessions sessions = new DebugSessions(status);
    sessions.publish("debug-1", "vote", "python", "ended");
    sessions.publish("debug-2", "worker", "java", "reattaching");
    assertThat(status.get().debugSessions()).extracting(DebugSessionStatus::state).containsExactly("ended", "reattaching");

    assertThat(sessions.endAll()).containsExactly("debug vote (python)", "debug worker (java)");

    assertThat(status.get().debugSessions()).isEmpty();
  }
}
