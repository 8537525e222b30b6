package io.hostk8s.dev.testbed.kubelet;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Orders execs in one pod the way fabric8's {@code upload()} needs (three execs in a row: the second must see
 * the file the first wrote): an exec starts only when every exec whose client already left has exited.
 * Execs whose client is still attached (interactive shells, tails) never block others.
 */
public final class ExecGate {

  private final Set<Process> draining = new HashSet<>();

  /** Waits (at most {@code max}) until no exec is finishing after its client left. */
  public synchronized void awaitQuiet(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (!draining.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** The client of {@code p} is gone (stdin ended or the socket closed): later execs wait for it to exit. */
  public void draining(Process p) {
    synchronized (this) {
      if (!p.isAlive()) {
        return;
      }
      draining.add(p);
    }
    p.onExit().thenRun(() -> {
      synchronized (this) {
        draining.remove(p);
        notifyAll();
      }
    });
  }
}
