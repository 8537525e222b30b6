package io.hostk8s.dev.lsp.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes for the diagnostics of hostk8s.dev.yaml that know their fix ({@code data.fixes}, set by
 * {@link ConfigDiagnostics}): one "Change to 'x'" per replacement, the first one preferred.
 */
final class ConfigQuickFixes {
  static final String FIXES = "fixes";

  List<CodeAction> codeActions(String uri, List<Diagnostic> diagnostics) {
    List<CodeAction> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (!ConfigDiagnostics.SOURCE.equals(d.getSource())) {
        continue;
      }
      List<String> fixes = fixes(d.getData());
      for (int i = 0; i < fixes.size(); i++) {
        CodeAction a = new CodeAction("Change to '" + fixes.get(i) + "'");
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(List.of(d));
        a.setIsPreferred(i == 0);
        a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(d.getRange(), fixes.get(i))))));
        out.add(a);
      }
    }
    return out;
  }

  /** The replacements in a diagnostic's data: a JSON object as it comes back from the client (or as we set it). */
  private static List<String> fixes(Object data) {
    JsonElement e = data instanceof JsonElement j ? j : null;
    if (e == null || !e.isJsonObject()) {
      return List.of();
    }
    JsonObject o = e.getAsJsonObject();
    if (!o.has(FIXES) || !o.get(FIXES).isJsonArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    o.getAsJsonArray(FIXES).forEach(x -> {
      if (x.isJsonPrimitive()) {
        out.add(x.getAsString());
      }
    });
    return out;
  }
}
