package io.hostk8s.dev.build;

import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;

/** The push and pull registry prefixes for a build target, from the config. */
record RegistryTarget(String push, String pull) {
  /** A bare DOCR registry name (the config's {@code cloud.digitalocean.registry}) lives under this host. */
  static final String DOCR = "registry.digitalocean.com/";

  /** The options' registry when they name one (cloud publishing with fresh credentials), else the config's. */
  static RegistryTarget of(DevConfig config, BuildOptions options) {
    if (options.registry() != null && !options.registry().isBlank()) {
      return new RegistryTarget(options.registry(), options.registry());
    }
    return of(config, options.target());
  }

  static RegistryTarget of(DevConfig config, BuildTarget target) {
    if (target == BuildTarget.CLOUD) {
      String registry = config.cloud() == null || config.cloud().digitalocean() == null ? null : config.cloud().digitalocean().registry();
      if (registry == null || registry.isBlank()) {
        throw HostK8sException.user(ErrorCode.CONFIG_INVALID, "No cloud registry configured for a cloud build.",
            "Set cloud.digitalocean.registry in hostk8s.dev.yaml (e.g. registry.digitalocean.com/<name>).");
      }
      String full = registry.contains("/") || registry.contains(".") ? registry : DOCR + registry;
      return new RegistryTarget(full, full);
    }
    if (config.registry() == null || config.registry().push() == null || config.registry().push().isBlank()) {
      throw HostK8sException.user(ErrorCode.CONFIG_INVALID, "registry.push is not set.",
          "Set registry.push (HostK8s: localhost:5002) and registry.pull (localhost:5000) in hostk8s.dev.yaml.");
    }
    return new RegistryTarget(config.registry().push(), config.registry().pull());
  }

  ImageRef ref(String repository, String tag) {
    return ImageRef.of(push, pull, repository, tag);
  }
}
