package io.hostk8s.dev.lsp.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** lemminx-style test DSL: '|' marks the cursor in the text. */
final class ConfigAssert {
  static final ConfigLanguageService SERVICE = new ConfigLanguageService();

  private ConfigAssert() {}

  /** Text with the cursor marker removed, and the cursor position. */
  record Cursor(String text, Position position) {}

  static Cursor cursor(String marked) {
    int at = marked.indexOf('|');
    assertThat(at).as("cursor marker '|' in: " + marked).isGreaterThanOrEqualTo(0);
    String before = marked.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count();
    int character = before.length() - (before.lastIndexOf('\n') + 1);
    return new Cursor(before + marked.substring(at + 1), new Position(line, character));
  }

  static List<String> completionLabels(String marked) {
    Cursor c = cursor(marked);
    return SERVICE.complete(c.text(), c.position()).getItems().stream().map(CompletionItem::getLabel).collect(Collectors.toList());
  }

  static void assertCompletion(String marked, String... expectedLabels) {
    assertThat(completionLabels(marked)).as(marked).containsExactlyInAnyOrder(expectedLabels);
  }

  static Optional<Hover> hover(String marked) {
    Cursor c = cursor(marked);
    return SERVICE.hover(c.text(), c.position());
  }

  static String hoverText(String marked) {
    return hover(marked).map(h -> h.getContents().getRight().getValue()).orElse("");
  }

  static Range r(int line, int start, int endLine, int end) {
    return new Range(new Position(line, start), new Position(endLine, end));
  }

  static Diagnostic d(int line, int start, int end, DiagnosticSeverity severity, int code) {
    Diagnostic d = new Diagnostic(r(line, start, line, end), "", severity, "hostk8s");
    d.setCode(Either.forRight(code));
    return d;
  }

  /** Compares range, severity, source and code (not the message, nor the fixes in data) of the diagnostics, in order. */
  static void assertDiagnostics(Path workspace, String text, Diagnostic... expected) {
    List<Diagnostic> actual = SERVICE.diagnose(workspace, text);
    assertThat(actual).as(actual.toString()).usingElementComparatorIgnoringFields("message", "data").containsExactly(expected);
  }
}
