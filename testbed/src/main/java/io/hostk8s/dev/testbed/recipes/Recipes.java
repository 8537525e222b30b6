package io.hostk8s.dev.testbed.recipes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The image recipe table. Lookup order: the {@code sandbox.hostk8s.io/command} annotation, then the image
 * repository (registry and tag stripped), then the container's own {@code command}.
 */
public final class Recipes {

  private final Map<String, Recipe> byRepository = new LinkedHashMap<>();
  private final Recipe annotation = new CommandRecipe(true);
  private final Recipe containerCommand = new CommandRecipe(false);

  /**
   * The default table: voting-app images, redis, postgres, the test HTTP server, and the stand-ins for the
   * DigitalOcean platform's images (Traefik, cert-manager's controller; cert-manager's cainjector and webhook
   * only answer their health ports).
   */
  public static Recipes defaults() {
    Recipes r = new Recipes();
    for (String svc : new String[] {"vote", "result", "worker"}) {
      r.register("hostk8s-" + svc, new VotingAppRecipe(svc));
    }
    r.register("redis", new VotingAppRecipe("redis"));
    r.register("postgres", new VotingAppRecipe("db"));
    r.register("python-http", new HttpServerRecipe());
    r.register("hostk8s-test-http", new HttpServerRecipe());
    r.register("traefik", new StandInRecipe("traefik"));
    r.register("cert-manager-controller", new StandInRecipe("cert-manager"));
    r.register("cert-manager-cainjector", new StandInRecipe("idle"));
    r.register("cert-manager-webhook", new StandInRecipe("idle"));
    return r;
  }

  /** Adds or replaces the recipe for an image repository name (e.g. {@code hostk8s-vote}). */
  public Recipes register(String repository, Recipe recipe) {
    byRepository.put(repository, recipe);
    return this;
  }

  public Optional<LaunchPlan> plan(RecipeContext ctx) {
    Optional<LaunchPlan> plan = annotation.plan(ctx);
    if (plan.isPresent()) {
      return plan;
    }
    Recipe byImage = byRepository.get(ImageNames.repository(ctx.container().getImage()));
    if (byImage != null) {
      return byImage.plan(ctx).map(p -> p.require(byImage.requirements()));
    }
    return containerCommand.plan(ctx);
  }

  /** The requirements of every registered recipe, in registration order (each recipe once). */
  public List<Requirement> requirements() {
    Set<Recipe> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Requirement> all = new ArrayList<>();
    for (Recipe r : byRepository.values()) {
      if (seen.add(r)) {
        all.addAll(r.requirements());
      }
    }
    return all;
  }

  /** Debian's python (has flask, redis, debugpy) when present, else the first python3 on PATH. */
  public static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }
}
