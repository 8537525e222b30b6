package io.hostk8s.dev.config;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Loads hostk8s.dev.yaml + HostK8s .env for a workspace. Never throws on malformed input.
 * Precedence: CLUSTER_NAME (env > .env) > cluster.name > "hostk8s"; REGISTRY_URL (env > .env) >
 * registry.push > localhost:5002; kubeconfig: see {@link KubeconfigResolver}.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "hostk8s.dev.yaml";
  private static final Logger LOG = Logger.getLogger(ConfigLoader.class.getName());
  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  public LoadedConfig load(Path workspace) {
    List<ConfigProblem> problems = new ArrayList<>();
    EnvLookup lookup = new EnvLookup(env, readDotEnv(workspace, problems));
    Path file = workspace.resolve(FILE_NAME);
    String text = "";
    Optional<Path> configFile = Optional.empty();
    if (Files.isRegularFile(file)) {
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
        configFile = Optional.of(file);
      } catch (IOException | RuntimeException e) {
        problems.add(new ConfigProblem(Severity.ERROR, "Cannot read " + FILE_NAME + ": " + e.getMessage() + "; using defaults",
            "", -1, -1, -1, -1, ErrorCode.CONFIG_UNREADABLE));
      }
    }
    ConfigAnalyzer.Analysis analysis = ConfigAnalyzer.analyze(workspace, text);
    problems.addAll(analysis.problems());
    DevConfig config = analysis.config();
    KubeconfigResolver kubeconfigs = new KubeconfigResolver(workspace, lookup);
    String kubeconfig = kubeconfigs.choose(null, config.cluster().kubeconfig());
    ClusterConfig cluster = new ClusterConfig(lookup.get("CLUSTER_NAME").orElse(config.cluster().name()), kubeconfig);
    RegistryConfig registry = new RegistryConfig(lookup.get("REGISTRY_URL").orElse(config.registry().push()), config.registry().pull());
    DevConfig effective = new DevConfig(cluster, registry, config.namespace(), config.services(), config.deploy(), config.cloud(),
        config.environments());
    LOG.fine(() -> "Loaded config for " + workspace + ": " + problems.size() + " problem(s)");
    KubeconfigResolver.Choice kc = kubeconfigs.choice(null, config.cluster().kubeconfig());
    return new LoadedConfig(workspace, effective, problems, configFile, kc.path(), kc.source());
  }

  /** The workspace's .env variables (empty when there is none or it cannot be read). */
  public static Map<String, String> dotEnv(Path workspace) {
    return readDotEnv(workspace, new ArrayList<>());
  }

  private static Map<String, String> readDotEnv(Path workspace, List<ConfigProblem> problems) {
    try {
      return DotEnv.read(workspace.resolve(DotEnv.FILE_NAME));
    } catch (IOException | RuntimeException e) {
      problems.add(new ConfigProblem(Severity.WARNING, "Cannot read .env: " + e.getMessage() + "; ignoring it", "", -1, -1, -1, -1,
          ErrorCode.CONFIG_ENV_UNREADABLE));
      return Map.of();
    }
  }
}
