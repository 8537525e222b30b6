package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.debug.SourceCheck;
import io.hostk8s.dev.debug.SourceCheckResult;
import io.hostk8s.dev.lsp.config.ConfigLanguageService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source-check mismatch appears as a warning on the service's debug entry of an open hostk8s.dev.yaml. */
class SourceCheckDiagnosticsTest {
  static final String YAML = """
      namespace: sample-app
      services:
        vote:
          context: voting-app/vote
          debug: { runtime: python, port: 5678, remoteRoot: /usr/local/app }
        worker:
          context: voting-app/worker
          selector: { app: worker }
      """;
  @TempDir
  Path ws;

  static SourceCheckResult mismatch(String service) {
    return SourceCheckResult.mismatch(service, 1, Path.of("/ws/app.py"), "/usr/local/app/app.py", "a".repeat(64), "b".repeat(64),
        "Sync the file (hostk8s.sync.start).");
  }

  List<Diagnostic> latest(RecordingClient client, String uri, int atLeast) throws InterruptedException {
    assertThat(RecordingClient.await(() -> client.diagnostics.stream().filter(d -> d.getUri().equals(uri)).count() >= atLeast, 10_000))
        .as("diagnostics published").isTrue();
    List<PublishDiagnosticsParams> mine = client.diagnostics.stream().filter(d -> d.getUri().equals(uri)).toList();
    return mine.get(mine.size() - 1).getDiagnostics();
  }

  @Test
  void aMismatchIsAWarningOnTheDebugKeyAndAMatchClearsIt() throws Exception {
    RecordingClient client = new RecordingClient();
    HostK8sTextDocumentService docs = new HostK8sTextDocumentService(new CompletableFuture<>(),
        CompletableFuture.completedFuture(new ConfigLanguageService()), () -> client);
    docs.setWorkspace(ws);
    String uri = ws.resolve("hostk8s.dev.yaml").toUri().toString();
    docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1, YAML)));
    assertThat(latest(client, uri, 1)).noneMatch(d -> d.getMessage().getLeft().contains("6902"));

    docs.onEngineEvent(SourceCheck.event(mismatch("vote")));
    Diagnostic d = latest(client, uri, 2).stream().filter(x -> x.getMessage().getLeft().contains("[6902]")).findFirst().orElseThrow();
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
    assertThat(d.getCode().getRight()).isEqualTo(6902);
    assertThat(d.getRange().getStart().getLine()).isEqualTo(4); // "    debug: {…}" of vote
    assertThat(d.getRange().getStart().getCharacter()).isEqualTo(4);
    assertThat(d.getRange().getEnd().getCharacter()).isEqualTo(9);
    assertThat(d.getMessage().getLeft()).contains("/usr/local/app/app.py").contains("hostk8s.sync.start");

    docs.onEngineEvent(SourceCheck.event(mismatch("worker")));
    List<Diagnostic> both = latest(client, uri, 3);
    assertThat(both).filteredOn(x -> x.getMessage().getLeft().contains("[6902]")).extracting(x -> x.getRange().getStart().getLine())
        .containsExactlyInAnyOrder(4, 5); // worker has no debug entry: its key carries the warning

    docs.onEngineEvent(SourceCheck.event(SourceCheckResult.match("vote", 1)));
    docs.onEngineEvent(SourceCheck.event(SourceCheckResult.unknown("worker", "no remoteRoot")));
    assertThat(RecordingClient.await(() -> {
      List<PublishDiagnosticsParams> mine = client.diagnostics.stream().filter(p -> p.getUri().equals(uri)).toList();
      return mine.size() >= 5 && mine.get(mine.size() - 1).getDiagnostics().stream().noneMatch(x -> x.getMessage().getLeft().contains("[6902]"));
    }, 10_000)).as("match and unknown clear the warnings").isTrue();
  }
}
