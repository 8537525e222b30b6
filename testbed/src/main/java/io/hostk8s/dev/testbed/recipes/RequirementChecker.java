package io.hostk8s.dev.testbed.recipes;

import io.hostk8s.dev.testbed.recipes.Requirement.Unmet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link Requirement} checks in parallel (each on its own thread: some start a process). A met requirement
 * is remembered for {@code remember} per workspace, PATH and {@code RUN_LOCAL_PYTHON}, so the kubelet does not
 * re-import Python modules on every pod start; an unmet one is always checked again.
 */
public final class RequirementChecker {

  private static final long TIMEOUT_MS = 15_000;
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "requirement-check");
    t.setDaemon(true);
    return t;
  });

  private final Duration remember;
  private final Map<Key, Long> metUntil = new ConcurrentHashMap<>();

  /** @param remember how long a met requirement is not checked again ({@link Duration#ZERO}: always check) */
  public RequirementChecker(Duration remember) {
    this.remember = remember;
  }

  /** What is missing, per requirement (in the given order; met ones map to an empty list). */
  public Map<Requirement, List<Unmet>> check(List<Requirement> requirements, HostEnv host) {
    Map<Requirement, CompletableFuture<List<Unmet>>> running = new LinkedHashMap<>();
    for (Requirement r : requirements) {
      Long until = metUntil.get(key(r, host));
      running.put(r, until != null && until > System.nanoTime() ? CompletableFuture.completedFuture(List.of())
          : CompletableFuture.supplyAsync(() -> run(r, host), POOL));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
    Map<Requirement, List<Unmet>> result = new LinkedHashMap<>();
    running.forEach((r, f) -> {
      List<Unmet> unmet;
      try {
        unmet = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        unmet = List.of(new Unmet(r.name() + " (its check did not finish in " + TIMEOUT_MS / 1000 + " s)",
            "make setup"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unmet = List.of(new Unmet(r.name() + " (check interrupted)", "make setup"));
      } catch (ExecutionException e) {
        Throwable why = e.getCause() == null ? e : e.getCause();
        unmet = List.of(new Unmet(r.name() + " (check failed: " + why.getMessage() + ")", "make setup"));
      }
      if (unmet.isEmpty() && remember.compareTo(Duration.ZERO) > 0) {
        metUntil.put(key(r, host), System.nanoTime() + remember.toNanos());
      }
      result.put(r, unmet);
    });
    return result;
  }

  /** All unmet pieces of {@code requirements}, in order. */
  public List<Unmet> unmet(List<Requirement> requirements, HostEnv host) {
    List<Unmet> all = new ArrayList<>();
    check(requirements, host).values().forEach(all::addAll);
    return all;
  }

  private static List<Unmet> run(Requirement r, HostEnv host) {
    try {
      return List.copyOf(r.check().run(host));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  private record Key(Requirement requirement, String workspace, String path, String python) {
  }

  private static Key key(Requirement r, HostEnv host) {
    return new Key(r, host.workspace().toString(), host.env().get("PATH"), host.env().get("RUN_LOCAL_PYTHON"));
  }
}
