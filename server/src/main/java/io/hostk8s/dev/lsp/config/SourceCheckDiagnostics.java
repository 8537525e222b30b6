package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.config.Span;
import io.hostk8s.dev.config.YamlDocument;
import io.hostk8s.dev.debug.SourceCheck;
import io.hostk8s.dev.protocol.HostK8sEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The latest source check of each service as a warning on its {@code debug} key in hostk8s.dev.yaml (on the
 * service's key when it has no {@code debug} entry). Only mismatches become diagnostics; a match clears them.
 */
final class SourceCheckDiagnostics {
  List<Diagnostic> diagnose(String text, Collection<HostK8sEvent> latestChecks) {
    List<Diagnostic> out = new ArrayList<>();
    YamlDocument doc = null;
    for (HostK8sEvent ev : latestChecks) {
      if (!SourceCheck.EVENT.equals(ev.type()) || ev.service() == null || !"mismatch".equals(ev.data().get("state"))) {
        continue;
      }
      if (doc == null) {
        doc = YamlDocument.parse(text);
      }
      Span span = doc.keySpan("services." + ev.service() + ".debug");
      if (!span.known()) {
        span = doc.spanFor("services." + ev.service());
      }
      Range range = new Range(new Position(span.line(), span.column()), new Position(span.endLine(), Math.max(span.endColumn(), span.column() + 1)));
      Diagnostic d = new Diagnostic(range, ev.message(), DiagnosticSeverity.Warning, ConfigDiagnostics.SOURCE);
      Object code = ev.data().get("code");
      if (code instanceof Number n) {
        d.setCode(Either.forRight(n.intValue()));
      }
      out.add(d);
    }
    return out;
  }
}
