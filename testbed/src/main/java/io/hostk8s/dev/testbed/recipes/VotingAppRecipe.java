package io.hostk8s.dev.testbed.recipes;

import io.fabric8.kubernetes.api.model.ContainerPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs one voting-app service with {@code voting-app/run-local.sh service NAME} (contract 1), wiring the
 * allocated local ports into the environment variables that service reads.
 */
final class VotingAppRecipe implements Recipe {

  static final String APP_DIR = "/usr/local/app";
  static final String PG_DATA = "/var/lib/postgresql/data";

  private final String service;
  private final List<Requirement> requirements;

  VotingAppRecipe(String service) {
    this.service = service;
    this.requirements = VotingAppRequirements.of(service);
  }

  @Override
  public Optional<LaunchPlan> plan(RecipeContext ctx) {
    Path script = ctx.workspace().resolve("voting-app/run-local.sh");
    LaunchPlan plan = new LaunchPlan(List.of("bash", script.toString(), "service", service));
    Optional<ContainerPort> main = ctx.mainPort();
    main.ifPresent(p -> plan.env("PORT", String.valueOf(ctx.local(p))).ready(ctx.local(p), LaunchPlan.Probe.CONNECT));
    switch (service) {
      case "vote" -> {
        seedApp(ctx, plan, "voting-app/vote");
        debugPort(ctx, "debugpy", 5678).ifPresent(p -> plan.env("DEBUGPY_PORT", String.valueOf(ctx.local(p))));
      }
      case "result" -> seedApp(ctx, plan, "voting-app/result");
      case "worker" -> debugPort(ctx, "jdwp", 5005).ifPresent(p -> {
        plan.env("JDWP_PORT", String.valueOf(ctx.local(p)));
        plan.ready(ctx.local(p), LaunchPlan.Probe.LISTEN);
      });
      case "db" -> plan.env("DATA_DIR", dataDir(ctx).toString());
      default -> {
        // redis: PORT only
      }
    }
    return Optional.of(plan);
  }

  @Override
  public List<Requirement> requirements() {
    return requirements;
  }

  /**
   * Postgres runs as the {@code postgres} user when the sandbox is root, and that user may not traverse the
   * workspace's parents (a checkout under a 0700 dir): the data volume ({@value #PG_DATA}, or PGDATA itself when
   * it lies elsewhere) lives in a private dir outside the workspace, and PGDATA below it.
   */
  private static Path dataDir(RecipeContext ctx) {
    String pgdata = envOf(ctx, "PGDATA", PG_DATA).replaceFirst("/+$", "");
    if (pgdata.equals(PG_DATA) || pgdata.startsWith(PG_DATA + "/")) {
      return ctx.privateDir(PG_DATA).resolve(pgdata.substring(PG_DATA.length()).replaceFirst("^/+", ""));
    }
    return ctx.privateDir(pgdata);
  }

  private static String envOf(RecipeContext ctx, String name, String fallback) {
    return ctx.container().getEnv().stream().filter(e -> name.equals(e.getName()) && e.getValue() != null)
        .map(e -> e.getValue()).findFirst().orElse(fallback);
  }

  private static void seedApp(RecipeContext ctx, LaunchPlan plan, String source) {
    Path src = ctx.workspace().resolve(source);
    if (Files.isDirectory(src)) {
      plan.seed(src, APP_DIR).mount(APP_DIR, ctx.hostPath(APP_DIR)).env("APP_DIR", APP_DIR);
    }
  }

  private static Optional<ContainerPort> debugPort(RecipeContext ctx, String name, int number) {
    Optional<ContainerPort> named = ctx.portNamed(name);
    return named.isPresent() ? named
        : ctx.container().getPorts().stream().filter(p -> p.getContainerPort() == number).findFirst();
  }
}
