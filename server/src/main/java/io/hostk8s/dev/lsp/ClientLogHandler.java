package io.hostk8s.dev.lsp;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/** Sends the server's own log records to the client as {@code window/logMessage}. */
final class ClientLogHandler extends Handler {
  private final LanguageClient client;
  private final ThreadLocal<Boolean> inPublish = ThreadLocal.withInitial(() -> false);

  ClientLogHandler(LanguageClient client, Level level) {
    this.client = client;
    setLevel(level);
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record) || inPublish.get() || record.getLoggerName() != null && record.getLoggerName().startsWith("org.eclipse.lsp4j")) {
      return;
    }
    inPublish.set(true);
    try {
      client.logMessage(new MessageParams(type(record.getLevel()), getFormatter().format(record).stripTrailing()));
    } catch (RuntimeException ignored) {
      // the client is gone; the file log still has it
    } finally {
      inPublish.set(false);
    }
  }

  private static MessageType type(Level level) {
    if (level.intValue() >= Level.SEVERE.intValue()) {
      return MessageType.Error;
    }
    if (level.intValue() >= Level.WARNING.intValue()) {
      return MessageType.Warning;
    }
    return level.intValue() >= Level.INFO.intValue() ? MessageType.Info : MessageType.Log;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
