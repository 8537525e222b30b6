package io.hostk8s.dev.lsp;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;

/** Language features on hostk8s.dev.yaml, as the text document service needs them. */
public interface ConfigFeatures {
  List<Diagnostic> diagnose(Path workspace, String text);

  CompletionList complete(String text, Position position);

  Optional<Hover> hover(String text, Position position);

  List<CodeLens> codeLenses(String text);

  /** Until the config language service is wired in. */
  static ConfigFeatures pending() {
    return new PendingConfigFeatures();
  }
}
