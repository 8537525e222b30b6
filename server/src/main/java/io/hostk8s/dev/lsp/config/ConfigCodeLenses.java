package io.hostk8s.dev.lsp.config;

import io.hostk8s.dev.protocol.commands.CommandIds;
import io.hostk8s.dev.config.ConfigMerger;
import io.hostk8s.dev.config.Defaults;
import io.hostk8s.dev.config.DevConfig;
import io.hostk8s.dev.config.ServiceConfig;
import io.hostk8s.dev.config.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * "Sync", "Debug" and "Deploy" above each service of hostk8s.dev.yaml, each acting on that service only. When the
 * file parses, Sync is shown only for services with sync rules and Debug only for services with a debugger;
 * otherwise all three are shown. Debug names the client-side {@link CommandIds#CLIENT_DEBUG_SERVICE} with
 * {@code {service}}: the client starts the {@code hostk8s} debug session, which gets its adapter from this server.
 * Sync and Deploy name the client-side {@link CommandIds#CLIENT_RUN} with {@code {command, arguments: {service}}}: the
 * client runs the server command as its palette entry does (progress, the one-line result, errors with fixes).
 */
final class ConfigCodeLenses {
  static final String RUN = CommandIds.CLIENT_RUN;
  static final String DEBUG = CommandIds.CLIENT_DEBUG_SERVICE;

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
        lenses.add(lens(range, "Sync", RUN, run(CommandIds.SYNC_START, name)));
      }
      if (service == null || service.debug() != null) {
        lenses.add(lens(range, "Debug", DEBUG, Map.of("service", name)));
      }
      lenses.add(lens(range, "Deploy", RUN, run(CommandIds.DEPLOY, name)));
    }
    return lenses;
  }

  /** {@code {command, arguments: {service}}} for {@link CommandIds#CLIENT_RUN}. */
  static Map<String, Object> run(String command, String service) {
    Map<String, Object> argument = new LinkedHashMap<>();
    argument.put("command", command);
    argument.put("arguments", Map.of("service", service));
    return argument;
  }

  private static CodeLens lens(Range range, String title, String command, Object argument) {
    return new CodeLens(range, new Command(title, command, List.of(argument)), null);
  }
}
