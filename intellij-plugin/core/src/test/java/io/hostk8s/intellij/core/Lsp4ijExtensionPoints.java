package io.hostk8s.intellij.core;

import java.util.Map;
import java.util.Set;

/**
 * LSP4IJ 0.20.1's extension points (namespace com.redhat.devtools.lsp4ij), as its plugin.xml declares them and the
 * @Attribute / @RequiredElement annotations of their bean classes define them (../shared/reference/lsp4ij.md §2).
 */
final class Lsp4ijExtensionPoints {
  /** Required and optional attributes; {@code classAttributes} name classes, which must extend or implement {@code base}. */
  record Point(Set<String> required, Set<String> optional, Map<String, String> classAttributes) {}

  private static final Set<String> SERVER_OPTIONAL = Set.of("name", "bundle", "nameKey", "descriptionKey", "icon", "singleton",
      "supportsLightEdit", "lastDocumentDisconnectedTimeout");
  private static final Map<String, String> MATCHER = Map.of("documentMatcher", "DocumentMatcher");

  static final Map<String, Point> POINTS = Map.of(
      "server", new Point(Set.of("id", "factoryClass"), SERVER_OPTIONAL, Map.of("factoryClass", "LanguageServerFactory")),
      "languageMapping", new Point(Set.of("serverId", "language"), Set.of("languageId", "documentMatcher"), MATCHER),
      "fileTypeMapping", new Point(Set.of("serverId", "fileType"), Set.of("languageId", "documentMatcher"), MATCHER),
      "fileNamePatternMapping", new Point(Set.of("serverId", "patterns"), Set.of("languageId", "documentMatcher"), MATCHER),
      "semanticTokensColorsProvider", new Point(Set.of("serverId", "class"), Set.of(), Map.of("class", "SemanticTokensColorsProvider")),
      "workspaceFolderStrategy", new Point(Set.of("implementation"), Set.of(), Map.of("implementation", "WorkspaceFolderStrategyProvider")),
      "installerTaskFactory", new Point(Set.of("type", "factoryClass"), Set.of(), Map.of("factoryClass", "InstallerTaskFactory")),
      "debugAdapterServer", new Point(Set.of("id", "factoryClass"), Set.of("name", "bundle", "nameKey", "descriptionKey", "icon"),
          Map.of("factoryClass", "DebugAdapterDescriptorFactory")));

  private Lsp4ijExtensionPoints() {}
}
