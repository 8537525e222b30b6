package io.hostk8s.dev.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestLoaderTest {
  @TempDir
  Path ws;

  @Test
  void loadsEveryObjectOfTheVotingAppNamespaceFirstWorkloadsAfterServices() {
    DeployFixtures.votingAppWorkspace(ws);
    List<ManifestDocument> docs = new ManifestLoader().load(ws, "voting-app/k8s/local");
    List<String> names = docs.stream().map(ManifestDocument::describe).toList();
    assertThat(names.get(0)).isEqualTo("Namespace/sample-app");
    assertThat(names).contains("Deployment/vote", "Deployment/worker", "Deployment/result", "Deployment/redis", "Deployment/db",
        "Service/vote", "Service/db", "Ingress/sample-app-ingress");
    assertThat(names.indexOf("Service/redis")).isLessThan(names.indexOf("Deployment/vote"));
    assertThat(docs.stream().filter(d -> d.object() instanceof Deployment).count()).isEqualTo(5);
    ManifestDocument voteService = docs.stream().filter(d -> d.describe().equals("Service/vote")).findFirst().orElseThrow();
    assertThat(voteService.file().getFileName().toString()).isEqualTo("vote.yaml");
    assertThat(voteService.line()).as("second document of vote.yaml starts after the ---").isGreaterThan(10);
  }

  @Test
  void aBrokenDocumentIsReportedWithFileAndLine() throws Exception {
    Path dir = Files.createDirectories(ws.resolve("k8s"));
    Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ok
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: broken
        data:
          key: [unclosed
        """);
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "k8s"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
          assertThat(e.getMessage()).contains("k8s/app.yaml:11 ").contains("while parsing a flow sequence")
              .contains("expected ',' or ']'").doesNotContain("^");
          assertThat(e.suggestions()).isNotEmpty();
        });
  }

  @Test
  void aFieldOfTheWrongTypeIsReportedWithItsPathAndLine() throws Exception {
    Path dir = Files.createDirectories(ws.resolve("k8s"));
    Files.writeString(dir.resolve("d.yaml"), """
        # a comment
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: many
        """);
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "k8s"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
          assertThat(e.getMessage()).contains("k8s/d.yaml:7 ").contains("spec.replicas: ").contains("\"many\"");
        });
  }

  @Test
  void aDocumentWithoutKindIsRejected() throws Exception {
    Path dir = Files.createDirectories(ws.resolve("k8s"));
    Files.writeString(dir.resolve("x.yml"), "# comment only\n---\nmetadata:\n  name: nokind\n");
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "k8s"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_INVALID);
          assertThat(e.getMessage()).contains("k8s/x.yml:3").contains("apiVersion and kind");
        });
  }

  @Test
  void aDirectoryOutsideTheWorkspaceOrMissingOrEmptyIsRefused() throws Exception {
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "../elsewhere"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MANIFESTS_NOT_FOUND);
          assertThat(e.getMessage()).contains("leaves the workspace");
        });
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "nope"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.getMessage()).contains("does not exist"));
    Files.createDirectories(ws.resolve("empty"));
    Files.writeString(ws.resolve("empty/readme.md"), "not yaml");
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "empty"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MANIFESTS_NOT_FOUND));
  }

  @Test
  void aSymlinkLeavingTheWorkspaceIsRefused(@TempDir Path outside) throws Exception {
    Files.writeString(outside.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
    Files.createSymbolicLink(ws.resolve("link"), outside);
    assertThatThrownBy(() -> new ManifestLoader().load(ws, "link"))
        .isInstanceOfSatisfying(HostK8sException.class, e -> assertThat(e.getMessage()).contains("leaves the workspace"));
  }
}
