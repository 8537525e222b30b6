package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.config.ConfigMerger;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * "Sync", "Debug" and "Deploy" above each service of hostk8s.dev.yaml. When the file parses, Sync is shown only
 * for services with sync rules and Debug only for services with a debugger; otherwise all three are shown. Debug
 * names the client-side {@link CommandIds#CLIENT_DEBUG_SERVICE} with {@code {service}}: the client starts the
 * {@code hostk8s} debug session, which gets its adapter from this server.
 */
final class ConfigCodeLenses {
  static final String SYNC = CommandIds.SYNC_START;
  static final String DEBUG = CommandIds.CLIENT_DEBUG_SERVICE;
  static final String DEPLOY = CommandIds.DEPLOY;

  List<CodeLens> codeLenses(String text) {
    YamlOutline outline = new YamlOutline(text);
    YamlDocument doc = YamlDocument.parse(text);
    DevConfig config = doc.syntaxError().isPresent() ? null : ConfigMerger.merge(doc.root(), Defaults.votingApp());
    List<CodeLens> lenses = new ArrayList<>();
    for (int i = 0; i < outline.size(); i++) {
      YamlLine line = outline.line(i);
      if (line.key() == null || line.dash() || !outline.parentPath(i, line.contentColumn()).equals(List.of("services"))) {
        continue;
      }
      String name = line.key();
      ServiceConfig service = config == null ? null : config.services().get(name);
      if (config != null && service == null) {
        continue;
      }
      Range range = new Range(new Position(i, line.contentColumn()), new Position(i, line.contentColumn() + name.length()));
      if (service == null || !service.sync().isEmpty()) {
        lenses.add(lens(range, "Sync", SYNC, name));
      }
      if (service == null || service.debug() != null) {
        lenses.add(lens(range, "Debug", DEBUG, Map.of("service", name)));
      }
      lenses.add(lens(range, "Deploy", DEPLOY, name));
    }
    return lenses;
  }

  private static CodeLens lens(Range range, String title, String command, Object argument) {
    return new CodeLens(range, new Command(title, command, List.of(argument)), null);
  }
}
