package io.hostk8s.dev.build;

import java.util.Map;

/**
 * How to build one service.
 *
 * @param mode dev or prod image variant
 * @param target KIND (native platform, local registry) or CLOUD (linux/amd64, cloud registry)
 * @param platform explicit platform such as {@code linux/arm64}; null = the target's
 * @param pull let the daemon pull newer base images ({@code false}: only local images, works offline)
 * @param buildArgs Docker build args (part of the content tag)
 * @param useDockerfile build JVM services with their Dockerfile instead of Jib
 * @param jibBaseImage base image for Jib builds; null = HOSTK8S_JIB_BASE_IMAGE or {@link JibImageBuilder#DEFAULT_BASE}
 * @param push push to the registry ({@code false}: Dockerfile builds stay in the daemon, Jib builds are written to a
 *     tar under {@code .hostk8s/images/}; the registry is not asked)
 * @param registry the push (and pull) registry prefix, e.g. {@code registry.digitalocean.com/myreg}, instead of the
 *     config's; null = the config's for the target
 * @param credentials credentials for that registry, in memory (null = the daemon's / ~/.docker's, as before)
 */
public record BuildOptions(
    BuildMode mode, BuildTarget target, String platform, boolean pull, Map<String, String> buildArgs,
    boolean useDockerfile, String jibBaseImage, boolean push, String registry, RegistryCredentials credentials) {

  public BuildOptions {
    buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
  }

  /** A build for the local Kind cluster: native platform, no pull. */
  public static BuildOptions kind(BuildMode mode) {
    return new BuildOptions(mode, BuildTarget.KIND, null, false, Map.of(), false, null, true, null, null);
  }

  /** A build for the cloud: linux/amd64, base images pulled. */
  public static BuildOptions cloud(BuildMode mode) {
    return new BuildOptions(mode, BuildTarget.CLOUD, null, true, Map.of(), false, null, true, null, null);
  }

  public BuildOptions withPull(boolean value) {
    return new BuildOptions(mode, target, platform, value, buildArgs, useDockerfile, jibBaseImage, push, registry, credentials);
  }

  public BuildOptions withBuildArgs(Map<String, String> value) {
    return new BuildOptions(mode, target, platform, pull, value, useDockerfile, jibBaseImage, push, registry, credentials);
  }

  public BuildOptions withPlatform(String value) {
    return new BuildOptions(mode, target, value, pull, buildArgs, useDockerfile, jibBaseImage, push, registry, credentials);
  }

  public BuildOptions withDockerfileForJvm(boolean value) {
    return new BuildOptions(mode, target, platform, pull, buildArgs, value, jibBaseImage, push, registry, credentials);
  }

  public BuildOptions withJibBaseImage(String value) {
    return new BuildOptions(mode, target, platform, pull, buildArgs, useDockerfile, value, push, registry, credentials);
  }

  public BuildOptions withPush(boolean value) {
    return new BuildOptions(mode, target, platform, pull, buildArgs, useDockerfile, jibBaseImage, value, registry, credentials);
  }

  /** Push to (and reference from) {@code registryPrefix} with these in-memory credentials instead of the config's registry. */
  public BuildOptions withRegistry(String registryPrefix, RegistryCredentials registryCredentials) {
    return new BuildOptions(mode, target, platform, pull, buildArgs, useDockerfile, jibBaseImage, push, registryPrefix,
        registryCredentials);
  }

  /** The platform to build for, or null when the daemon's own is meant. */
  public String effectivePlatform() {
    return platform != null ? platform : target.platform();
  }
}
