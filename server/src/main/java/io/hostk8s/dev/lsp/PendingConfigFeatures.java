package io.hostk8s.dev.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;

/** TEMPORARY (removed when lsp.config lands in this branch): answers no language features. */
final class PendingConfigFeatures implements ConfigFeatures {
  @Override public List<Diagnostic> diagnose(Path workspace, String text) { return List.of(); }
  @Override public CompletionList complete(String text, Position position) { return new CompletionList(List.of()); }
  @Override public Optional<Hover> hover(String text, Position position) { return Optional.empty(); }
  @Override public List<CodeLens> codeLenses(String text) { return List.of(); }
}
