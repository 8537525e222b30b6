package io.hostk8s.dev.command.publish;

import io.hostk8s.dev.cloud.publish.CloudSession;
import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.protocol.cloud.CloudStatus;

/** What the publish commands share. */
final class PublishCommands {
  private PublishCommands() {}

  /** The status snapshot's cloud section keeps the last error (its message; the token is never in one). */
  static void recordError(CloudSession session, Exception e) {
    try {
      CloudStatus now = CloudStatusReader.offline(session.state());
      session.publishStatus(now.withLastError(e.getMessage()));
    } catch (RuntimeException ignored) {
      // an unreadable state file is reported by the command itself
    }
  }
}
