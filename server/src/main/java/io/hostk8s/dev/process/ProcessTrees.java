package io.hostk8s.dev.process;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and all its descendants: TERM first, KILL after a grace period. */
public final class ProcessTrees {
  private ProcessTrees() {}

  public static void kill(ProcessHandle root, long graceMillis) {
    List<ProcessHandle> all = new java.util.ArrayList<>(root.descendants().toList());
    all.add(root);
    all.forEach(ProcessHandle::destroy);
    long deadline = System.currentTimeMillis() + graceMillis;
    for (ProcessHandle h : all) {
      try {
        long left = Math.max(1, deadline - System.currentTimeMillis());
        h.onExit().get(left, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
  }
}
