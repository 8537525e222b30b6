package io.hostk8s.dev.testbed.recipes;

import java.util.List;
import java.util.Optional;

/**
 * Test recipe for images named {@code python-http} or {@code hostk8s-test-http}: Python's {@code http.server}
 * serving the container's working dir (default {@code /srv}, a dir of the pod root).
 */
final class HttpServerRecipe implements Recipe {

  @Override
  public Optional<LaunchPlan> plan(RecipeContext ctx) {
    String dir = ctx.container().getWorkingDir() != null ? ctx.container().getWorkingDir() : "/srv";
    int port = ctx.mainPort().map(ctx::local).orElseThrow(
        () -> new IllegalArgumentException("the http recipe needs a containerPort"));
    LaunchPlan plan = new LaunchPlan(List.of(Recipes.python(), "-u", "-m", "http.server", String.valueOf(port),
        "--bind", "127.0.0.1", "--directory", dir));
    plan.mount(dir, ctx.hostPath(dir)).workingDir(dir);
    CommandRecipe.portEnv(ctx, plan);
    return Optional.of(plan);
  }
}
