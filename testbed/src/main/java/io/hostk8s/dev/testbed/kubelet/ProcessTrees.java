package io.hostk8s.dev.testbed.kubelet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Stops a process together with all of its descendants — and, when it runs in a private mount namespace (a pod's
 * {@code unshare -m}), every other process in that namespace, as a container runtime ends a container's cgroup:
 * a process that left the tree (debugpy's adapter is reparented to init when the debuggee that spawned it exits or
 * a reloader restarts it) is still the pod's, and it keeps the pod's bind mounts alive, so their empty mount points
 * on the host could not be removed. SIGTERM first, SIGKILL after a grace period.
 */
public final class ProcessTrees {

  private ProcessTrees() {
  }

  /** Terminates {@code root} and its descendants; returns once all of them are gone (or after grace + 5 s). */
  public static void kill(ProcessHandle root, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    all.add(root);
    all.addAll(root.descendants().collect(Collectors.toList()));
    privateNamespace(root.pid()).ifPresent(ns -> inNamespace(ns).filter(p -> !all.contains(p)).forEach(all::add));
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

  /** The mount namespace of {@code pid} when it is not this JVM's (a pod's private one); empty otherwise or when unreadable. */
  static Optional<String> privateNamespace(long pid) {
    String ns = namespaceOf(pid);
    return ns == null || ns.equals(namespaceOf(ProcessHandle.current().pid())) ? Optional.empty() : Optional.of(ns);
  }

  /** Every live process whose mount namespace is {@code ns}. */
  static Stream<ProcessHandle> inNamespace(String ns) {
    return ProcessHandle.allProcesses().filter(p -> ns.equals(namespaceOf(p.pid())));
  }

  private static String namespaceOf(long pid) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "ns", "mnt")).toString();
    } catch (IOException | RuntimeException e) {
      return null; // gone, no /proc, or not ours to read
    }
  }

  private static void waitFor(ProcessHandle p, long nanos) {
    try {
      p.onExit().get(nanos, TimeUnit.NANOSECONDS);
    } catch (Exception e) {
      // still alive or interrupted: the caller escalates
    }
  }
}
