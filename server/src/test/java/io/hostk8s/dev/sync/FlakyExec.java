package io.hostk8s.dev.sync;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the real exec and breaks the first {@code failures} apply execs half-way through the stream — the
 * connection drops as when the container disappears mid-batch (the remote side sees a cut stream).
 */
final class FlakyExec implements PodExec {
  private final PodExec real;
  private final AtomicInteger left;
  final AtomicInteger broken = new AtomicInteger();
  final AtomicInteger applies = new AtomicInteger();

  FlakyExec(PodExec real, int failures) {
    this.real = real;
    this.left = new AtomicInteger(failures);
  }

  @Override
  public Result exec(PodRef pod, List<String> command, Input input, Duration timeout) throws IOException, InterruptedException {
    if (input == null) {
      return real.exec(pod, command, null, timeout);
    }
    applies.incrementAndGet();
    if (left.getAndDecrement() <= 0) {
      return real.exec(pod, command, input, timeout);
    }
    broken.incrementAndGet();
    // the real apply starts and receives part of the batch, then the connection is gone (closed by the timeout)
    try {
      real.exec(pod, command, stdin -> {
        try {
          input.writeTo(new CuttingStream(stdin, 4096));
        } catch (IOException expected) {
          // cut here
        }
      }, Duration.ofSeconds(2));
    } catch (IOException expected) {
      // the cut batch never completes
    }
    throw new IOException("connection to " + pod.name() + " lost mid-batch (injected)");
  }

  /** Passes the first {@code limit} bytes, then fails every write. */
  private static final class CuttingStream extends FilterOutputStream {
    private long left;

    CuttingStream(OutputStream out, long limit) {
      super(out);
      this.left = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("cut");
      }
      int n = (int) Math.min(len, left);
      out.write(b, off, n);
      left -= n;
      if (n < len) {
        throw new IOException("cut");
      }
    }
  }
}
