package io.hostk8s.dev.build;

import java.nio.file.Path;

/**
 * One daemonless image build of a runnable jar.
 *
 * @param jar the fat jar ({@code java -jar} runs it)
 * @param baseImage a JRE image reference, or {@code scratch} for an image with only the jar (tests)
 * @param target where to push (its push reference is used)
 * @param mode DEV adds the JDWP agent on port 5005 (like the worker's Dockerfile.dev)
 * @param platform e.g. {@code linux/amd64}
 * @param cacheDir Jib's layer caches (base and application) live below it
 * @param credentials for the target registry (and a base image on the same host), in memory; null = ~/.docker's
 */
public record JibRequest(Path jar, String baseImage, ImageRef target, BuildMode mode, String platform, Path cacheDir,
    RegistryCredentials credentials) {}
