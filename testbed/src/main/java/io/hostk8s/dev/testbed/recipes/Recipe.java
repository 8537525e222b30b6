package io.hostk8s.dev.testbed.recipes;

import java.util.Optional;

/** Turns a container of a given image into a local process; empty when the recipe does not apply. */
@FunctionalInterface
public interface Recipe {

  Optional<LaunchPlan> plan(RecipeContext ctx);
}
