package io.hostk8s.dev.testbed.prism;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Prism and DigitalOcean's spec are: {@code HOSTK8S_PRISM} / {@code HOSTK8S_DO_SPEC} when set, else found in
 * the source tree ({@code tools/prism/node_modules/.bin/prism}, {@code testbed/contracts/digitalocean/openapi.yaml})
 * from the working directory upwards. Missing → an error that says how to install it (never a silent skip).
 */
record PrismTool(Path binary, Path spec) {

  static final String BINARY = "tools/prism/node_modules/.bin/prism";
  static final String SPEC = "testbed/contracts/digitalocean/openapi.yaml";

  static PrismTool locate() {
    Path binary = fromEnv("HOSTK8S_PRISM").or(() -> upwards(BINARY)).orElseThrow(() -> new IllegalStateException(
        "Prism is not installed (" + BINARY + " not found from " + Path.of("").toAbsolutePath()
            + "). Fix: make setup   (or: cd tools/prism && npm ci), or set HOSTK8S_PRISM"));
    Path spec = fromEnv("HOSTK8S_DO_SPEC").or(() -> upwards(SPEC)).orElseThrow(() -> new IllegalStateException(
        "DigitalOcean's OpenAPI spec not found (" + SPEC + "); set HOSTK8S_DO_SPEC"));
    return new PrismTool(binary, spec);
  }

  private static Optional<Path> fromEnv(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v)).filter(Files::exists);
  }

  private static Optional<Path> upwards(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(relative);
      if (Files.exists(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
