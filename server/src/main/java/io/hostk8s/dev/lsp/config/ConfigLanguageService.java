package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.protocol.HostK8sEvent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;

/**
 * Language features of hostk8s.dev.yaml: diagnostics, quick fixes, completion, hover, code lenses. Stateless and
 * thread-safe; works on the editor's text (half-typed YAML included) and never throws: a failure is logged and
 * an empty answer returned.
 */
public final class ConfigLanguageService {
  private static final Logger LOG = Logger.getLogger(ConfigLanguageService.class.getName());
  private final ConfigDiagnostics diagnostics = new ConfigDiagnostics();
  private final ConfigCompletion completion = new ConfigCompletion();
  private final ConfigHover hover = new ConfigHover();
  private final ConfigCodeLenses lenses = new ConfigCodeLenses();
  private final ConfigQuickFixes quickFixes = new ConfigQuickFixes();
  private final SourceCheckDiagnostics sourceChecks = new SourceCheckDiagnostics();

  /** Diagnostics of {@code text}; {@code workspace} is the folder holding the file (for path checks). */
  public List<Diagnostic> diagnose(Path workspace, String text) {
    return safely("diagnose", () -> diagnostics.diagnose(workspace, text), List.of());
  }

  /** Warnings from the latest {@code debug.sourceCheck} events (one per service) on the services' debug entries. */
  public List<Diagnostic> sourceCheckDiagnostics(String text, Collection<HostK8sEvent> latestChecks) {
    return safely("source check diagnostics", () -> sourceChecks.diagnose(text, latestChecks), List.of());
  }

  public CompletionList complete(String text, Position pos) {
    return safely("complete", () -> completion.complete(text, pos), new CompletionList(false, List.of()));
  }

  public Optional<Hover> hover(String text, Position pos) {
    return safely("hover", () -> hover.hover(text, pos), Optional.empty());
  }

  /** Quick fixes for the diagnostics (of the document {@code uri}) that carry their fix. */
  public List<CodeAction> quickFixes(String uri, List<Diagnostic> diagnostics) {
    return safely("quick fixes", () -> quickFixes.codeActions(uri, diagnostics), List.of());
  }

  /** Per service, each for that service: "Sync" and "Deploy" ({@code hostk8s.client.run}), "Debug" ({@code hostk8s.client.debugService}). */
  public List<CodeLens> codeLenses(String text) {
    return safely("codeLenses", () -> lenses.codeLenses(text), List.of());
  }

  private static <T> T safely(String feature, Supplier<T> work, T fallback) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "hostk8s.dev.yaml " + feature + " failed", e);
      return fallback;
    }
  }
}
