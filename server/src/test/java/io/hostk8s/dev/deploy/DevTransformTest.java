package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTransformTest {
  @TempDir
  Path ws;

  final Map<String, ServiceConfig> services = Defaults.votingApp().services();

  List<HasMetadata> votingApp() {
    DeployFixtures.votingAppWorkspace(ws);
    return new ManifestLoader().load(ws, "voting-app/k8s/local").stream().map(ManifestDocument::object).toList();
  }

  static Container container(List<HasMetadata> objects, String deployment) {
    return ManifestRendererTest.deployment(objects, deployment).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  static String annotation(List<HasMetadata> objects, String deployment) {
    var meta = ManifestRendererTest.deployment(objects, deployment).getSpec().getTemplate().getMetadata();
    return meta.getAnnotations() == null ? null : meta.getAnnotations().get(DevTransform.ANNOTATION);
  }

  static String env(Container c, String name) {
    return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
  }

  @Test
  void theLocalManifestsAlreadyDeclareEverythingSoNothingIsDuplicated() {
    List<HasMetadata> input = votingApp();
    DevTransform.Result r = new DevTransform().apply(input, services);
    assertThat(r.changes()).isEmpty();
    assertThat(container(r.objects(), "vote").getPorts()).extracting(ContainerPort::getName).containsExactly("http", "debugpy");
    assertThat(container(r.objects(), "worker").getPorts()).extracting(ContainerPort::getContainerPort).containsExactly(5005);
    assertThat(env(container(r.objects(), "worker"), "JAVA_TOOL_OPTIONS"))
        .isEqualTo("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005");
    assertThat(annotation(r.objects(), "vote")).isEqualTo("[]");
    assertThat(annotation(r.objects(), "worker")).isEqualTo("[]");
    assertThat(annotation(r.objects(), "result")).as("no debug config: untouched").isNull();
    assertThat(annotation(r.objects(), "redis")).isNull();
  }

  @Test
  void missingDebugPortsAreAddedAndAForeignJdwpAgentReplacedNotDoubled() {
    List<HasMetadata> input = votingApp();
    Container vote = container(input, "vote");
    vote.setPorts(new ArrayList<>(vote.getPorts().subList(0, 1)));
    Container worker = container(input, "worker");
    worker.setPorts(new ArrayList<>());
    List<EnvVar> env = new ArrayList<>(worker.getEnv().stream().filter(e -> !e.getName().equals("JAVA_TOOL_OPTIONS")).toList());
    env.add(new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS")
        .withValue("-Xmx256m -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=8000 -Dfoo=bar").build());
    worker.setEnv(env);

    DevTransform.Result r = new DevTransform().apply(input, services);

    assertThat(container(r.objects(), "vote").getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("http", 80), org.assertj.core.groups.Tuple.tuple("debugpy", 5678));
    assertThat(container(r.objects(), "worker").getPorts()).extracting(ContainerPort::getName, ContainerPort::getContainerPort)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("jdwp", 5005));
    String jto = env(container(r.objects(), "worker"), "JAVA_TOOL_OPTIONS");
    assertThat(jto).isEqualTo("-Xmx256m -agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005 -Dfoo=bar");
    assertThat(container(input, "vote").getPorts()).as("input untouched").hasSize(1);

    JsonArray voteChanges = JsonParser.parseString(annotation(r.objects(), "vote")).getAsJsonArray();
    assertThat(voteChanges).hasSize(1);
    assertThat(voteChanges.get(0).getAsJsonObject().get("what").getAsString()).isEqualTo("port");
    assertThat(voteChanges.get(0).getAsJsonObject().get("detail").getAsString()).isEqualTo("added containerPort 5678 (debugpy)");
    assertThat(voteChanges.get(0).getAsJsonObject().get("container").getAsString()).isEqualTo("vote");
    JsonArray workerChanges = JsonParser.parseString(annotation(r.objects(), "worker")).getAsJsonArray();
    assertThat(workerChanges).hasSize(2);
    assertThat(workerChanges.get(1).getAsJsonObject().get("detail").getAsString())
        .startsWith("replaced -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=8000 by ");
    assertThat(r.changes()).hasSize(3);

    DevTransform.Result again = new DevTransform().apply(r.objects(), services);
    assertThat(again.changes()).as("idempotent").isEmpty();
    assertThat(container(again.objects(), "worker").getPorts()).hasSize(1);
    assertThat(env(container(again.objects(), "worker"), "JAVA_TOOL_OPTIONS")).isEqualTo(jto);
  }

  @Test
  void anUnnamedPortWithTheDebugNumberIsNamedAndAnAbsentOptionIsSet() {
    List<HasMetadata> input = votingApp();
    Container worker = container(input, "worker");
    worker.getPorts().get(0).setName(null);
    worker.setEnv(new ArrayList<>(worker.getEnv().stream().filter(e -> !e.getName().equals("JAVA_TOOL_OPTIONS")).toList()));
    DevTransform.Result r = new DevTransform().apply(input, services);
    Container out = container(r.objects(), "worker");
    assertThat(out.getPorts()).hasSize(1);
    assertThat(out.getPorts().get(0).getName()).isEqualTo("jdwp");
    assertThat(env(out, "JAVA_TOOL_OPTIONS")).isEqualTo("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005");
    assertThat(out.getEnv().stream().filter(e -> e.getName().equals("JAVA_TOOL_OPTIONS")).count()).isEqualTo(1);
  }

  @Test
  void resourcesAreKept() {
    List<HasMetadata> input = votingApp();
    Deployment vote = ManifestRendererTest.deployment(new DevTransform().apply(input, services).objects(), "vote");
    assertThat(vote.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()).containsKey("memory");
  }
}
