package io.hostk8s.dev.rpc;

import java.time.Duration;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * The requests an attached front end sent that have not been answered yet: counted from the request coming in to
 * its response written out. The owner waits for them (bounded) before it closes the connections, so a command that
 * itself ends the owner's last work (`forward stop vote` from another terminal) still gets its answer instead of
 * 1200 "went away".
 */
final class InFlightRequests {
  private int open;

  /** For {@code Launcher.Builder.wrapMessages}, which wraps both streams: the incoming one ends in the endpoint. */
  MessageConsumer wrap(MessageConsumer next) {
    boolean incoming = next instanceof RemoteEndpoint;
    return message -> {
      if (incoming && message instanceof RequestMessage) {
        change(1);
      }
      try {
        next.consume(message);
      } finally {
        if (!incoming && message instanceof ResponseMessage) {
          change(-1);
        }
      }
    };
  }

  private synchronized void change(int by) {
    open = Math.max(0, open + by);
    notifyAll();
  }

  /** Requests not answered yet. */
  synchronized int open() {
    return open;
  }

  /** Waits until every request is answered, at most {@code max}; true when none is left. */
  synchronized boolean awaitAnswered(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (open > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
