package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.recipes.Recipes;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How to start a {@link Sandbox}.
 *
 * @param workspace the repository checkout (holds {@code voting-app/run-local.sh})
 * @param stateDir where the kubeconfig, pod roots and logs go
 * @param port the API port, 0 for a free one
 * @param recipes the image recipe table
 */
public record SandboxOptions(Path workspace, Path stateDir, int port, Recipes recipes) {

  public SandboxOptions {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(recipes, "recipes");
  }

  public static SandboxOptions of(Path workspace, Path stateDir) {
    return new SandboxOptions(workspace.toAbsolutePath(), stateDir.toAbsolutePath(), 0, Recipes.defaults());
  }

  public SandboxOptions withPort(int p) {
    return new SandboxOptions(workspace, stateDir, p, recipes);
  }

  public SandboxOptions withRecipes(Recipes r) {
    return new SandboxOptions(workspace, stateDir, port, r);
  }
}
