package io.hostk8s.dev.testbed.recipes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Generic recipe: runs the pod annotation {@value #ANNOTATION} with {@code sh -c}, or else the container's own
 * {@code command} + {@code args}. Environment: {@code PORT} (the main port's local port) and {@code PORT_<n>} for
 * every declared container port n.
 */
final class CommandRecipe implements Recipe {

  static final String ANNOTATION = "sandbox.hostk8s.io/command";

  private final boolean fromAnnotation;

  CommandRecipe(boolean fromAnnotation) {
    this.fromAnnotation = fromAnnotation;
  }

  @Override
  public Optional<LaunchPlan> plan(RecipeContext ctx) {
    List<String> command = new ArrayList<>();
    if (fromAnnotation) {
      String script = ctx.annotation(ANNOTATION);
      if (script == null) {
        return Optional.empty();
      }
      command.addAll(List.of("/bin/sh", "-c", script));
    } else {
      if (ctx.container().getCommand() == null || ctx.container().getCommand().isEmpty()) {
        return Optional.empty();
      }
      command.addAll(ctx.container().getCommand());
      if (ctx.container().getArgs() != null) {
        command.addAll(ctx.container().getArgs());
      }
    }
    LaunchPlan plan = new LaunchPlan(command);
    portEnv(ctx, plan);
    return Optional.of(plan);
  }

  static void portEnv(RecipeContext ctx, LaunchPlan plan) {
    for (ContainerPort p : ctx.container().getPorts()) {
      plan.env("PORT_" + p.getContainerPort(), String.valueOf(ctx.local(p)));
    }
    Optional<ContainerPort> main = ctx.mainPort();
    main.ifPresent(p -> plan.env("PORT", String.valueOf(ctx.local(p))).ready(ctx.local(p), LaunchPlan.Probe.CONNECT));
    if (main.isEmpty() && !ctx.container().getPorts().isEmpty()) {
      ContainerPort p = ctx.container().getPorts().get(0);
      plan.env("PORT", String.valueOf(ctx.local(p))).ready(ctx.local(p), LaunchPlan.Probe.LISTEN);
    }
  }
}
