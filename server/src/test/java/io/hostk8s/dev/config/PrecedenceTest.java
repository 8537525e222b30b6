package io.hostk8s.dev.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CLUSTER_NAME / REGISTRY_URL / kubeconfig: environment > .env > hostk8s.dev.yaml > default. */
class PrecedenceTest {
  @TempDir Path ws;

  /** Columns: description, env value, .env value, yaml value, expected ("-" = not set). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "default only              | -       | -       | -       | hostk8s",
      "yaml beats default        | -       | -       | fromyml | fromyml",
      ".env beats yaml           | -       | fromenv | fromyml | fromenv",
      "env beats .env and yaml   | process | fromenv | fromyml | process",
      "blank .env value ignored  | -       | ''      | fromyml | fromyml",
      "empty env hides .env      | ''      | fromenv | fromyml | fromyml",
  })
  void clusterName(String description, String env, String dotEnv, String yaml, String expected) {
    setUp("CLUSTER_NAME", dotEnv, yaml == null || yaml.equals("-") ? "" : "cluster: { name: " + yaml + " }\n");
    assertThat(new ConfigLoader(env("CLUSTER_NAME", env)).load(ws).config().cluster().name()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "default only        | -              | -              | -              | localhost:5002",
      "yaml beats default  | -              | -              | yaml.io:1      | yaml.io:1",
      ".env beats yaml     | -              | dotenv.io:2    | yaml.io:1      | dotenv.io:2",
      "env beats all       | env.io:3       | dotenv.io:2    | yaml.io:1      | env.io:3",
  })
  void registryPush(String description, String env, String dotEnv, String yaml, String expected) {
    setUp("REGISTRY_URL", dotEnv, yaml.equals("-") ? "" : "registry: { push: \"" + yaml + "\" }\n");
    LoadedConfig loaded = new ConfigLoader(env("REGISTRY_URL", env)).load(ws);
    assertThat(loaded.config().registry().push()).isEqualTo(expected);
    assertThat(loaded.config().registry().pull()).isEqualTo("localhost:5000");
  }

  /** Columns: description, KUBECONFIG env, KUBECONFIG_PATH env, .env KUBECONFIG_PATH, yaml, expected (relative to ws). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "default                         | -         | -        | -         | -       | data/kubeconfig/config",
      "yaml                            | -         | -        | -         | y/conf  | y/conf",
      ".env KUBECONFIG_PATH over yaml  | -         | -        | d/conf    | y/conf  | d/conf",
      "env KUBECONFIG_PATH over .env   | -         | e/conf   | d/conf    | y/conf  | e/conf",
      "KUBECONFIG over everything      | k/conf    | e/conf   | d/conf    | y/conf  | k/conf",
      "first entry of a KUBECONFIG list| k1:k2     | -        | -         | -       | k1",
  })
  void kubeconfig(String description, String kubeconfig, String envPath, String dotEnv, String yaml, String expected) {
    setUp("KUBECONFIG_PATH", dotEnv, yaml.equals("-") ? "" : "cluster:\n  kubeconfig: " + yaml + "\n");
    Map<String, String> env = new HashMap<>(env("KUBECONFIG", kubeconfig));
    env.putAll(env("KUBECONFIG_PATH", envPath));
    LoadedConfig loaded = new ConfigLoader(env).load(ws);
    assertThat(loaded.kubeconfig()).isEqualTo(ws.toAbsolutePath().resolve(expected).normalize());
    assertThat(loaded.withKubeconfigOverride("cli/conf").kubeconfig()).isEqualTo(ws.toAbsolutePath().resolve("cli/conf"));
  }

  @Test
  void absoluteAndHomeRelativeKubeconfigs() {
    assertThat(KubeconfigResolver.against(ws, "/abs/config")).isEqualTo(Path.of("/abs/config"));
    assertThat(KubeconfigResolver.against(ws, "~/k/config")).isEqualTo(Path.of(System.getProperty("user.home"), "k/config"));
    assertThat(new KubeconfigResolver(ws, new EnvLookup(Map.of(), Map.of())).resolve(" ", null))
        .isEqualTo(ws.toAbsolutePath().resolve(KubeconfigResolver.DEFAULT));
  }

  private void setUp(String key, String dotEnv, String yaml) {
    ConfigFixtures.votingWorkspace(ws);
    if (dotEnv != null && !dotEnv.equals("-")) {
      ConfigFixtures.write(ws, ".env", "# test\n" + key + "=" + dotEnv + "  # from .env\n");
    }
    if (!yaml.isEmpty()) {
      ConfigFixtures.write(ws, ConfigLoader.FILE_NAME, yaml);
    }
  }

  private static Map<String, String> env(String key, String value) {
    return value == null || value.equals("-") ? Map.of() : Map.of(key, value);
  }
}
