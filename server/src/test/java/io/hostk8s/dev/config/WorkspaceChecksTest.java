package io.hostk8s.dev.config;

import static io.hostk8s.dev.config.ConfigFixtures.votingWorkspace;
import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.config.ConfigProblem.Severity;
import io.hostk8s.dev.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceChecksTest {
  @TempDir Path ws;

  private List<ConfigProblem> problems(String text) {
    return ConfigAnalyzer.analyze(ws, text).problems();
  }

  @Test
  void missingContextDirectoryIsAnErrorOnTheContextValue() {
    votingWorkspace(ws);
    assertThat(problems("services:\n  vote:\n    context: nowhere\n")).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_CONTEXT_MISSING);
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(List.of(p.line(), p.column(), p.endColumn())).isEqualTo(List.of(2, 13, 20));
    });
  }

  @Test
  void missingDefaultContextIsReportedOnTheServiceKeyOnlyWhenTheServiceIsInTheFile() {
    List<ConfigProblem> problems = problems("services:\n  vote:\n    image: v\ndeploy: { manifests: m }\n");
    assertThat(problems).filteredOn(ConfigProblem::hasPosition).extracting(ConfigProblem::code, ConfigProblem::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.CONFIG_CONTEXT_MISSING, 1),
            org.assertj.core.groups.Tuple.tuple(ErrorCode.CONFIG_MANIFESTS_MISSING, 3));
    assertThat(problems).filteredOn(p -> !p.hasPosition()).extracting(ConfigProblem::path)
        .containsExactlyInAnyOrder("services.worker.context", "services.result.context");
  }

  @Test
  void syncSourceOutsideTheContextIsAnErrorAndTheRuleIsDropped() {
    votingWorkspace(ws);
    ConfigAnalyzer.Analysis analysis = ConfigAnalyzer.analyze(ws,
        "services:\n  vote:\n    sync:\n      - { from: ../worker, to: /app }\n      - { from: src/.., to: /x }\n");
    assertThat(analysis.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_SYNC_OUTSIDE_CONTEXT);
      assertThat(p.path()).isEqualTo("services.vote.sync[0].from");
      assertThat(List.of(p.line(), p.column(), p.endColumn())).isEqualTo(List.of(3, 16, 25));
    });
    assertThat(analysis.config().services().get("vote").sync()).extracting(SyncRule::to).containsExactly("/x");
  }

  @Test
  void duplicateDebugLocalPortIsReportedOnTheSecondService() {
    votingWorkspace(ws);
    assertThat(problems("services:\n  vote:\n    debug: { localPort: 9000 }\n  worker:\n    debug: { localPort: 9000 }\n"))
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_DUPLICATE_LOCAL_PORT);
          assertThat(p.line()).isEqualTo(4);
          assertThat(p.message()).contains("'vote'");
        });
  }

  @Test
  void missingManifestsDirectoryIsAnError() {
    votingWorkspace(ws);
    assertThat(problems("deploy:\n  manifests: k8s/none\n")).singleElement()
        .satisfies(p -> assertThat(List.of(p.code(), p.line(), p.column())).isEqualTo(List.of(ErrorCode.CONFIG_MANIFESTS_MISSING, 1, 13)));
  }

  @Test
  void missingDockerfileIsAWarning() {
    votingWorkspace(ws);
    assertThat(problems("services:\n  worker:\n    dockerfile: Dockerfile.nope\n")).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(ErrorCode.CONFIG_DOCKERFILE_MISSING);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.line()).isEqualTo(2);
    });
  }

  @Test
  void symlinkLeavingTheWorkspaceCountsAsEscaping(@TempDir Path outside) throws Exception {
    votingWorkspace(ws);
    Files.createSymbolicLink(ws.resolve("sneaky"), outside);
    assertThat(problems("services:\n  vote:\n    context: sneaky\n")).extracting(ConfigProblem::code)
        .containsExactly(ErrorCode.CONFIG_PATH_ESCAPES);
  }
}
