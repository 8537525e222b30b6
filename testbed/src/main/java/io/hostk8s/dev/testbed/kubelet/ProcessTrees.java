package io.hostk8s.dev.testbed.kubelet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Stops a process together with all of its descendants: SIGTERM first, SIGKILL after a grace period. */
public final class ProcessTrees {

  private ProcessTrees() {
  }

  /** Terminates {@code root} and its descendants; returns once all of them are gone (or after grace + 5 s). */
  public static void kill(ProcessHandle root, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.descendants().collect(Collectors.toList()));
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle p : all) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        waitFor(p, left);
      }
    }
    // descendants may have forked more children meanwhile
    List<ProcessHandle> rest = new ArrayList<>(all);
    all.forEach(p -> p.descendants().forEach(rest::add));
    rest.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    rest.forEach(p -> waitFor(p, TimeUnit.SECONDS.toNanos(5)));
  }

  private static void waitFor(ProcessHandle p, long nanos) {
    try {
      p.onExit().get(nanos, TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      // still alive or interrupted: the caller escalates
    }
  }
}
