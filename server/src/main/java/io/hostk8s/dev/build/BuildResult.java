package io.hostk8s.dev.build;

import java.time.Duration;

/**
 * The outcome of building one service.
 *
 * @param service the service name from the config
 * @param image push and in-cluster references (same content tag)
 * @param cached true when nothing was built because the registry or the daemon already had the tag
 * @param pushed true when this call pushed the image (false when the registry already had it)
 * @param builder {@code docker} (Dockerfile through the daemon) or {@code jib} (daemonless)
 * @param recipe the Dockerfile (relative to the context) or the jar used
 * @param platform the platform built for, e.g. {@code linux/amd64}
 * @param elapsed wall time of the whole call
 */
public record BuildResult(
    String service, ImageRef image, boolean cached, boolean pushed, String builder, String recipe, String platform,
    Duration elapsed) {}
