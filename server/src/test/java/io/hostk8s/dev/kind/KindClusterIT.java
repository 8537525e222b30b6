package io.hostk8s.dev.kind;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.hostk8s.dev.cli.CliProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Kind cluster scenarios (profile -Pkind, .github/workflows/kind.yml). NOT run in our environment: there is no
 * Docker engine. Needs KUBECONFIG pointing at a Kind cluster named hostk8s.
 */
class KindClusterIT {
  @TempDir
  Path ws;

  @Test
  void statusSeesTheRunningKindCluster() throws Exception {
    String kc = System.getenv("KUBECONFIG");
    assertThat(kc).as("KUBECONFIG must point at the Kind cluster").isNotBlank();
    assertThat(Files.isRegularFile(Path.of(kc))).isTrue();
    JsonObject status = JsonParser.parseString(CliProbe.statusJson(ws)).getAsJsonObject();
    JsonObject cluster = status.getAsJsonObject("cluster");
    assertThat(cluster.get("state").getAsString()).isEqualTo("running");
    assertThat(cluster.get("context").getAsString()).isEqualTo("kind-hostk8s");
    assertThat(cluster.get("nodesReady").getAsInt()).isPositive();
  }
}
