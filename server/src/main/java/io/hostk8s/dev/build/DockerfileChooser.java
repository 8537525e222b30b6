package io.hostk8s.dev.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Picks the Dockerfile for a mode. DEV: the configured one (the voting app's {@code Dockerfile.dev}), else
 * {@code Dockerfile.dev}, else {@code Dockerfile}. PROD: the configured name with {@code .dev} replaced by
 * {@code .prod}, else {@code Dockerfile.prod}, else {@code Dockerfile}, else the configured one. The first that
 * exists in the context wins; returns the configured name when none exists (the scan then reports it missing).
 */
public final class DockerfileChooser {
  private DockerfileChooser() {}

  public static String choose(Path context, String configured, BuildMode mode) {
    String conf = configured == null || configured.isBlank() ? "Dockerfile" : configured;
    List<String> candidates = new ArrayList<>();
    if (mode == BuildMode.DEV) {
      candidates.addAll(List.of(conf, "Dockerfile.dev", "Dockerfile"));
    } else {
      if (conf.endsWith(".dev")) {
        candidates.add(conf.substring(0, conf.length() - 4) + ".prod");
      }
      candidates.addAll(List.of("Dockerfile.prod", "Dockerfile", conf));
    }
    for (String name : new LinkedHashSet<>(candidates)) {
      if (Files.isRegularFile(context.resolve(name))) {
        return name;
      }
    }
    return conf;
  }
}
