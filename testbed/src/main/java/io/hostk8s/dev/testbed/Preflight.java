package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.recipes.HostEnv;
import io.hostk8s.dev.testbed.recipes.Recipes;
import io.hostk8s.dev.testbed.recipes.Requirement;
import io.hostk8s.dev.testbed.recipes.RequirementChecker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything is deployed, that this host can run every recipe's pods: each {@link Requirement} of
 * the recipe table, all in parallel, with the environment pods would get (the sandbox passes the host's PATH).
 */
public final class Preflight {

  /** The one command that installs everything the recipes need (scripts/setup.sh), run in the workspace. */
  public static final String FIX_ALL = "make setup";

  private Preflight() {
  }

  /**
   * One missing piece.
   *
   * @param what e.g. {@code redis-server} or {@code python module flask (for /usr/bin/python3)}
   * @param services the services (recipes) that need it, e.g. {@code [redis]}
   * @param fix the command that installs this piece alone
   */
  public record Missing(String what, List<String> services, String fix) {
  }

  /**
   * The answer: what is missing (empty when ok), how many requirements were checked and how long it took.
   */
  public record Report(List<Missing> missing, int checks, long millis) {

    public boolean ok() {
      return missing.isEmpty();
    }
  }

  /** The default (voting app) recipes' requirements, checked with {@code env} (PATH, RUN_LOCAL_PYTHON, …). */
  public static Report check(Path workspace, Map<String, String> env) {
    return check(Recipes.defaults(), workspace, env);
  }

  public static Report check(Recipes recipes, Path workspace, Map<String, String> env) {
    long start = System.nanoTime();
    List<Requirement> all = recipes.requirements();
    Map<Requirement, List<Requirement.Unmet>> results = new RequirementChecker(Duration.ZERO)
        .check(all, new HostEnv(workspace.toAbsolutePath(), env));
    Map<String, Missing> byWhat = new LinkedHashMap<>();
    results.forEach((req, unmet) -> {
      for (Requirement.Unmet u : unmet) {
        Missing m = byWhat.computeIfAbsent(u.what() + "\n" + u.fix(),
            k -> new Missing(u.what(), new ArrayList<>(), u.fix()));
        if (!m.services().contains(req.service())) {
          m.services().add(req.service());
        }
      }
    });
    List<Missing> missing = byWhat.values().stream()
        .map(m -> new Missing(m.what(), List.copyOf(m.services()), m.fix())).toList();
    return new Report(missing, all.size(), (System.nanoTime() - start) / 1_000_000);
  }
}
