package io.hostk8s.dev.config;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which kubeconfig to use — the one answer to "which cluster?" for every command and both IDEs. First match wins:
 * <ol>
 *   <li>{@code --kubeconfig} (the CLI's explicit override);</li>
 *   <li>{@code KUBECONFIG} from the process environment (its first entry when it is a list);</li>
 *   <li>this workspace's running sandbox ({@code .hostk8s/sandbox/kubeconfig} while {@code .hostk8s/sandbox/sandbox.pid}
 *       names a live process that is ready, see {@link RunningSandbox});</li>
 *   <li>{@code KUBECONFIG_PATH} (environment, then .env);</li>
 *   <li>{@code cluster.kubeconfig} from hostk8s.dev.yaml;</li>
 *   <li>{@value #DEFAULT} (HostK8s's own).</li>
 * </ol>
 * The first two are chosen per invocation (a shell or a command line); the last three describe the workspace's
 * real cluster, so a sandbox started in this workspace wins over them until it stops. Relative paths are resolved
 * against the workspace; a leading {@code ~/} against the user's home.
 */
public final class KubeconfigResolver {
  public static final String DEFAULT = "data/kubeconfig/config";
  private final Path workspace;
  private final EnvLookup env;

  /** Where a kubeconfig came from; {@code perInvocation} sources win over this workspace's running sandbox. */
  public enum Source {
    FLAG("--kubeconfig", true),
    KUBECONFIG("KUBECONFIG", true),
    SANDBOX("this workspace's running sandbox", false),
    KUBECONFIG_PATH("KUBECONFIG_PATH", false),
    CONFIG("cluster.kubeconfig in hostk8s.dev.yaml", false),
    DEFAULT("the HostK8s default", false),
    /** Only as a pin: after {@code make start} in a HostK8s checkout whose kubeconfig the configured one is not. */
    CHECKOUT("the HostK8s checkout (after make start)", false),
    /** The workspace's target is the cloud: the kubeconfig publish fetched ({@code core.Target}). */
    CLOUD("the cloud target (the kubeconfig publish fetched)", true);

    private final String label;
    private final boolean perInvocation;

    Source(String label, boolean perInvocation) {
      this.label = label;
      this.perInvocation = perInvocation;
    }

    public String label() {
      return label;
    }

    /** Chosen for this invocation (not the workspace's configuration): nothing below it in the order applies. */
    public boolean perInvocation() {
      return perInvocation;
    }
  }

  /** A kubeconfig path (absolute) and where it came from. */
  public record Choice(Path path, Source source) {}

  public KubeconfigResolver(Path workspace, EnvLookup env) {
    this.workspace = workspace;
    this.env = env;
  }

  /** Resolves with no explicit override. */
  public Path resolve(String configured) {
    return resolve(null, configured);
  }

  /** Resolves with an explicit override (null or blank: none); without the sandbox step (see {@link #inEffect}). */
  public Path resolve(String explicitOverride, String configured) {
    return choice(explicitOverride, configured).path();
  }

  /** The chosen path before resolution (for messages). */
  public String choose(String explicitOverride, String configured) {
    if (explicitOverride != null && !explicitOverride.isBlank()) {
      return explicitOverride.strip();
    }
    return fromEnvironment().map(Raw::path).orElse(configured == null || configured.isBlank() ? DEFAULT : configured);
  }

  /** Every step of the order except the running sandbox, which is live state: {@link #inEffect} adds it. */
  public Choice choice(String explicitOverride, String configured) {
    if (explicitOverride != null && !explicitOverride.isBlank()) {
      return new Choice(against(workspace, explicitOverride), Source.FLAG);
    }
    Raw raw = fromEnvironment().orElse(configured == null || configured.isBlank() || configured.strip().equals(DEFAULT)
        ? new Raw(DEFAULT, Source.DEFAULT) : new Raw(configured, Source.CONFIG));
    return new Choice(against(workspace, raw.path()), raw.source());
  }

  /** {@code choice} with this workspace's running sandbox put in its place in the order. */
  public static Choice inEffect(Choice choice, Optional<Path> runningSandbox) {
    if (choice.source().perInvocation() || runningSandbox.isEmpty()) {
      return choice;
    }
    return new Choice(runningSandbox.get().toAbsolutePath().normalize(), Source.SANDBOX);
  }

  private record Raw(String path, Source source) {}

  private Optional<Raw> fromEnvironment() {
    Optional<Raw> kubeconfig = env.process("KUBECONFIG").flatMap(KubeconfigResolver::firstEntry).map(p -> new Raw(p, Source.KUBECONFIG));
    return kubeconfig.or(() -> env.get("KUBECONFIG_PATH").map(p -> new Raw(p, Source.KUBECONFIG_PATH)));
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
