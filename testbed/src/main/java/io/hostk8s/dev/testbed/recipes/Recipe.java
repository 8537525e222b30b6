package io.hostk8s.dev.testbed.recipes;

import java.util.List;
import java.util.Optional;

/** Turns a container of a given image into a local process; empty when the recipe does not apply. */
@FunctionalInterface
public interface Recipe {

  Optional<LaunchPlan> plan(RecipeContext ctx);

  /**
   * What this recipe's processes need on the host. The kubelet does not start a pod whose requirements are unmet
   * ({@code CreateContainerConfigError}, checked again every 5 s); {@code preflight} lists them up front.
   */
  default List<Requirement> requirements() {
    return List.of();
  }
}
