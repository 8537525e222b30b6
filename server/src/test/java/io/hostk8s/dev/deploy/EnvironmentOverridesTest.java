package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.EnvironmentConfig;
import io.hostk8s.dev.config.EnvironmentConfig.SecretSource;
import io.hostk8s.dev.config.EnvironmentConfig.ServiceOverride;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One environment applied to the voting app's real manifests (voting-app/k8s/local). */
class EnvironmentOverridesTest {
  private static List<HasMetadata> manifests() throws Exception {
    List<HasMetadata> all = new ArrayList<>(new ManifestLoader(java.util.function.UnaryOperator.identity(), true)
        .load(Path.of("..").toAbsolutePath().normalize(), "voting-app/k8s/local").stream().map(ManifestDocument::object).toList());
    Secret s = new Secret();
    s.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("db-credentials").build());
    s.setStringData(Map.of("password", "from-the-manifest"));
    all.add(s);
    return all;
  }

  private static <T> T one(List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream().filter(type::isInstance).filter(o -> o.getMetadata().getName().equals(name)).map(type::cast)
        .findFirst().orElseThrow();
  }

  @Test
  void replicasResourcesIngressHostAndSecretSourcesAreApplied() throws Exception {
    EnvironmentConfig cloud = new EnvironmentConfig(Map.of(
        "vote", new ServiceOverride(3, Map.of("cpu", "200m"), Map.of("memory", "256Mi")),
        "db", new ServiceOverride(null, Map.of("memory", "512Mi"), Map.of())),
        "voting.example.com", Map.of("db-credentials", Map.of("password", new SecretSource("VOTING_DB_PASSWORD"))));
    EnvironmentOverrides.Result r = EnvironmentOverrides.apply(manifests(), cloud, Defaults.votingApp().services(),
        Map.of("VOTING_DB_PASSWORD", "s3cret-value"));

    Deployment vote = one(r.objects(), Deployment.class, "vote");
    assertThat(vote.getSpec().getReplicas()).isEqualTo(3);
    var res = vote.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    assertThat(res.getRequests()).containsEntry("cpu", new Quantity("200m"));
    assertThat(res.getLimits()).containsEntry("memory", new Quantity("256Mi"));
    Deployment db = one(r.objects(), Deployment.class, "db");
    assertThat(db.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
        .containsEntry("memory", new Quantity("512Mi"));
    r.objects().stream().filter(Ingress.class::isInstance).map(Ingress.class::cast)
        .forEach(i -> assertThat(i.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHost()).isEqualTo("voting.example.com")));
    Secret secret = one(r.objects(), Secret.class, "db-credentials");
    assertThat(new String(Base64.getDecoder().decode(secret.getData().get("password")), StandardCharsets.UTF_8)).isEqualTo("s3cret-value");
    assertThat(secret.getStringData()).doesNotContainKey("password");
    assertThat(r.changes()).contains("vote: replicas 3").anyMatch(c -> c.startsWith("ingress "))
        .contains("secret db-credentials/password: from $VOTING_DB_PASSWORD").noneMatch(c -> c.contains("s3cret-value"));
  }

  @Test
  void aSecretWhoseVariableIsNotSetFailsNamingTheVariable() throws Exception {
    EnvironmentConfig env = new EnvironmentConfig(Map.of(), null,
        Map.of("db-credentials", Map.of("password", new SecretSource("VOTING_DB_PASSWORD"))));
    assertThatThrownBy(() -> EnvironmentOverrides.apply(manifests(), env, Defaults.votingApp().services(), Map.of()))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.TARGET_SECRET_SOURCE_MISSING);
          assertThat(e.getMessage()).contains("VOTING_DB_PASSWORD");
        });
  }

  @Test
  void noEnvironmentChangesNothing() throws Exception {
    EnvironmentOverrides.Result r = EnvironmentOverrides.apply(manifests(), EnvironmentConfig.NONE,
        Defaults.votingApp().services(), Map.of());
    assertThat(r.changes()).isEmpty();
    assertThat(one(r.objects(), Deployment.class, "vote").getSpec().getReplicas()).isIn(null, 1);
  }
}
