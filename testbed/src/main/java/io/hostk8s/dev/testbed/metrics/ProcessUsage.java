package io.hostk8s.dev.testbed.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a process tree uses now, read from {@code /proc}: CPU time so far (user + system, every process of the tree)
 * and resident memory. The stand-in's pods are real processes, so this is what a kubelet's cAdvisor would report.
 */
public final class ProcessUsage {
  /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ; 100 on Linux). */
  static final long TICKS_PER_SECOND = 100;
  private static final long PAGE_SIZE = 4096;

  /** CPU seconds so far and resident bytes, summed over the tree. */
  public record Sample(double cpuSeconds, long rssBytes) {}

  private ProcessUsage() {}

  /** The tree of {@code root} (the process and its live descendants); zero when none can be read. */
  public static Sample of(ProcessHandle root) {
    List<ProcessHandle> tree = new ArrayList<>();
    tree.add(root);
    root.descendants().forEach(tree::add);
    long ticks = 0;
    long pages = 0;
    for (ProcessHandle p : tree) {
      long[] t = stat(p.pid());
      ticks += t[0];
      pages += t[1];
    }
    return new Sample((double) ticks / TICKS_PER_SECOND, pages * PAGE_SIZE);
  }

  /** utime + stime (ticks) and rss (pages) of one process; zeros when it is gone. */
  static long[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // after the name: f[0] = state (field 3), so field n is f[n - 3]
      return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[21])};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
