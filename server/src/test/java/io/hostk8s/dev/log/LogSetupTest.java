package io.hostk8s.dev.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (isLoggable(r)) {
        seen.add(r.getLoggerName() + ": " + r.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @AfterEach
  void reset() {
    LogSetup.init(null, Level.INFO);
  }

  @Test
  void fabric8sUnstableVersionNoteIsNotShownButItsOtherWarningsAre() {
    LogSetup.init(null, Level.INFO, capture);
    // the loggers are asked for after a collection: the levels must survive JUL's weak references
    System.gc();
    Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.VersionUsageUtils")
        .warning("The client is using resource type 'middlewares' with unstable version 'v1alpha1'");
    Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.OperationSupport").warning("a real problem");
    Logger.getLogger("io.fabric8.kubernetes.client.dsl.internal.OperationSupport").info("chatter");
    Logger.getLogger("io.hostk8s.dev.Example").info("ours");

    assertThat(seen).containsExactly(
        "io.fabric8.kubernetes.client.dsl.internal.OperationSupport: a real problem", "io.hostk8s.dev.Example: ours");
  }
}
