package io.hostk8s.dev.config;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which kubeconfig to use, first match wins: an explicit override (the CLI's --kubeconfig), the KUBECONFIG
 * environment variable (its first entry when it is a list), KUBECONFIG_PATH (environment, then .env),
 * {@code cluster.kubeconfig} from hostk8s.dev.yaml, then {@value #DEFAULT}. Relative paths are resolved against
 * the workspace; a leading {@code ~/} against the user's home.
 */
public final class KubeconfigResolver {
  public static final String DEFAULT = "data/kubeconfig/config";
  private final Path workspace;
  private final EnvLookup env;

  public KubeconfigResolver(Path workspace, EnvLookup env) {
    this.workspace = workspace;
    this.env = env;
  }

  /** Resolves with no explicit override. */
  public Path resolve(String configured) {
    return resolve(null, configured);
  }

  /** Resolves with an explicit override (null or blank: none). */
  public Path resolve(String explicitOverride, String configured) {
    return against(workspace, choose(explicitOverride, configured));
  }

  /** The chosen path before resolution (for messages). */
  public String choose(String explicitOverride, String configured) {
    if (explicitOverride != null && !explicitOverride.isBlank()) {
      return explicitOverride.strip();
    }
    Optional<String> fromKubeconfig = env.process("KUBECONFIG").flatMap(KubeconfigResolver::firstEntry);
    return fromKubeconfig.or(() -> env.get("KUBECONFIG_PATH"))
        .orElse(configured == null || configured.isBlank() ? DEFAULT : configured);
  }

  /** {@code path} made absolute: {@code ~/} → home, relative → under {@code workspace}. */
  public static Path against(Path workspace, String path) {
    String p = path.strip();
    if (p.equals("~") || p.startsWith("~/")) {
      return Path.of(System.getProperty("user.home")).resolve(p.substring(Math.min(2, p.length()))).normalize();
    }
    return workspace.toAbsolutePath().resolve(p).normalize();
  }

  private static Optional<String> firstEntry(String list) {
    for (String entry : list.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        return Optional.of(entry.strip());
      }
    }
    return Optional.empty();
  }
}
