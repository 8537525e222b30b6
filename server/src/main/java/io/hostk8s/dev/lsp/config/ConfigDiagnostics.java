package io.hostk8s.dev.lsp.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.hostk8s.dev.config.ConfigAnalyzer;
import io.hostk8s.dev.config.ConfigProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Problems of hostk8s.dev.yaml as LSP diagnostics (source "hostk8s", code = the numeric error code). A problem
 * that knows its fix carries it as {@code data: {fixes: [replacement, …]}} (text for the diagnostic's range), which
 * {@link ConfigQuickFixes} turns into quick fixes.
 */
final class ConfigDiagnostics {
  static final String SOURCE = "hostk8s";

  List<Diagnostic> diagnose(Path workspace, String text) {
    List<Diagnostic> out = new ArrayList<>();
    for (ConfigProblem p : ConfigAnalyzer.analyze(workspace, text).problems()) {
      if (p.hasPosition()) {
        out.add(toDiagnostic(p));
      }
    }
    return out;
  }

  static Diagnostic toDiagnostic(ConfigProblem p) {
    Position start = new Position(p.line(), Math.max(0, p.column()));
    Position end = p.endLine() < p.line() || p.endLine() == p.line() && p.endColumn() <= p.column()
        ? new Position(p.line(), Math.max(0, p.column()) + 1)
        : new Position(p.endLine(), Math.max(0, p.endColumn()));
    Diagnostic d = new Diagnostic(new Range(start, end), p.message(), severity(p.severity()), SOURCE);
    d.setCode(Either.forRight(p.code().code()));
    if (!p.fixes().isEmpty()) {
      JsonArray fixes = new JsonArray();
      p.fixes().forEach(fixes::add);
      JsonObject data = new JsonObject();
      data.add(ConfigQuickFixes.FIXES, fixes);
      d.setData(data);
    }
    return d;
  }

  private static DiagnosticSeverity severity(ConfigProblem.Severity s) {
    switch (s) {
      case ERROR:
        return DiagnosticSeverity.Error;
      case WARNING:
        return DiagnosticSeverity.Warning;
      default:
        return DiagnosticSeverity.Information;
    }
  }
}
