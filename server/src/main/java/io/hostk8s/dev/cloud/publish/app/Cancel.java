package io.hostk8s.dev.cloud.publish.app;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.util.List;

/** A publish step stopped by the person: everything so far is in the state, so apply again converges. */
final class Cancel {
  private Cancel() {}

  static void check(Progress progress, String what) {
    if (progress.isCancelled() || Thread.currentThread().isInterrupted()) {
      throw new HostK8sException(ErrorCode.CANCELLED, "Stopped while " + what + ".",
          List.of("Run publish apply again: it continues where it stopped."), true, null);
    }
  }
}
