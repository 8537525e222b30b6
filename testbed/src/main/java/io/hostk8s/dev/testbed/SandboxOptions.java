package io.hostk8s.dev.testbed;

import io.hostk8s.dev.testbed.image.RegistryAccess;
import io.hostk8s.dev.testbed.recipes.Recipes;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a {@link Sandbox}.
 *
 * @param workspace the repository checkout (holds {@code voting-app/run-local.sh})
 * @param stateDir where the kubeconfig, pod roots and logs go
 * @param port the API port, 0 for a free one
 * @param recipes the image recipe table
 * @param imagePulls the registries whose images the kubelet pulls, to seed the app dirs from the image instead of
 *     the workspace (the DigitalOcean stand-in's clusters); empty: every app dir comes from the workspace
 */
public record SandboxOptions(Path workspace, Path stateDir, int port, Recipes recipes,
    Optional<RegistryAccess> imagePulls) {

  public SandboxOptions {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(recipes, "recipes");
    Objects.requireNonNull(imagePulls, "imagePulls");
  }

  public SandboxOptions(Path workspace, Path stateDir, int port, Recipes recipes) {
    this(workspace, stateDir, port, recipes, Optional.empty());
  }

  public static SandboxOptions of(Path workspace, Path stateDir) {
    return new SandboxOptions(workspace.toAbsolutePath(), stateDir.toAbsolutePath(), 0, Recipes.defaults());
  }

  public SandboxOptions withPort(int p) {
    return new SandboxOptions(workspace, stateDir, p, recipes, imagePulls);
  }

  public SandboxOptions withRecipes(Recipes r) {
    return new SandboxOptions(workspace, stateDir, port, r, imagePulls);
  }

  /** The kubelet pulls the app dirs of images from these registries (see {@link RegistryAccess}). */
  public SandboxOptions withImagePulls(RegistryAccess access) {
    return new SandboxOptions(workspace, stateDir, port, recipes, Optional.of(access));
  }
}
