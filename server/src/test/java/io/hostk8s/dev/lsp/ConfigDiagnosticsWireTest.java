package io.hostk8s.dev.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Language features on hostk8s.dev.yaml over the wire: diagnostics for broken YAML, completion, hover. */
class ConfigDiagnosticsWireTest {
  @TempDir
  Path ws;

  @Test
  void malformedYamlGivesADiagnosticAndTheServerKeepsAnswering() throws Exception {
    try (ServerProcess server = ServerProcess.start(ws, Map.of(), "lsp")) {
      RecordingClient client = new RecordingClient();
      var remote = server.connect(client).getRemoteProxy();
      remote.initialize(ServerProcess.initParams(ws, false)).get(30, TimeUnit.SECONDS);
      String uri = ws.resolve("hostk8s.dev.yaml").toUri().toString();
      remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", 1,
          "namespace: sample-app\nservices:\n  vote: [unclosed\n")));
      assertThat(RecordingClient.await(() -> client.diagnostics.stream().anyMatch(d -> d.getUri().equals(uri) && !d.getDiagnostics().isEmpty()), 20_000))
          .as("a diagnostic for the broken YAML").isTrue();
      var diag = client.diagnostics.get(client.diagnostics.size() - 1).getDiagnostics().get(0);
      assertThat(diag.getSource()).isEqualTo("hostk8s");
      assertThat(diag.getRange().getStart().getLine()).isBetween(2, 3);

      client.diagnostics.clear();
      remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
          java.util.List.of(new TextDocumentContentChangeEvent("namespce: sample-app\n"))));
      assertThat(RecordingClient.await(() -> client.diagnostics.stream().anyMatch(d -> d.getDiagnostics().stream()
          .anyMatch(x -> String.valueOf(x.getMessage().isLeft() ? x.getMessage().getLeft() : x.getMessage().getRight().getValue()).contains("namespace"))), 20_000)).as("unknown key with a suggestion").isTrue();

      var completion = remote.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(1, 0)))
          .get(20, TimeUnit.SECONDS);
      assertThat(completion.getRight().getItems()).extracting(i -> i.getLabel()).contains("services");

      remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 3),
          java.util.List.of(new TextDocumentContentChangeEvent("namespace: sample-app\n"))));
      var hover = remote.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(uri), new Position(0, 3))).get(20, TimeUnit.SECONDS);
      assertThat(hover).as("hover on a known key shows its schema description").isNotNull();
      assertThat(hover.getContents().getRight().getValue()).isNotBlank();
    }
  }
}
