package io.hostk8s.dev.lsp.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostk8s.dev.config.ConfigSchema;
import io.hostk8s.dev.config.Defaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Schema-driven completion for hostk8s.dev.yaml: keys valid at the cursor that are not written yet, enum
 * values (e.g. after {@code runtime: }), examples for other values, and service names under {@code services}.
 */
final class ConfigCompletion {
  private static final Pattern FLOW_KEYS = Pattern.compile("([\\w.\\-]+)\\s*:");
  private final ConfigSchema schema = ConfigSchema.get();

  CompletionList complete(String text, Position pos) {
    YamlOutline outline = new YamlOutline(text);
    CursorContext ctx = CursorContext.at(outline, pos.getLine(), pos.getCharacter());
    Range range = new Range(new Position(pos.getLine(), ctx.wordStart()), pos);
    List<CompletionItem> items = new ArrayList<>();
    if (ctx.kind() == CursorContext.Kind.KEY) {
      Set<String> present = ctx.flow() ? flowKeys(ctx) : outline.siblingKeys(pos.getLine(), ctx.blockColumn());
      keys(ctx.path(), present, ctx.flow(), range, items);
    } else if (ctx.kind() == CursorContext.Kind.VALUE) {
      schema.at(ctx.path()).ifPresent(s -> values(s, range, items));
    }
    items.removeIf(i -> !i.getLabel().startsWith(ctx.partial()));
    return new CompletionList(false, items);
  }

  private void keys(List<String> path, Set<String> present, boolean flow, Range range, List<CompletionItem> items) {
    Map<String, JsonNode> properties = schema.properties(path);
    properties.forEach((key, s) -> {
      if (!present.contains(key)) {
        boolean container = SchemaDocs.isContainer(s) && !flow;
        CompletionItem item = item(key, CompletionItemKind.Property, range, key + (container ? ":" : ": "));
        item.setDetail(SchemaDocs.type(s));
        item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, SchemaDocs.markdown(key, s)));
        items.add(item);
      }
    });
    if (path.equals(List.of("services"))) {
      Optional<JsonNode> service = schema.at(List.of("services", "*"));
      for (String name : Defaults.votingApp().services().keySet()) {
        if (!present.contains(name)) {
          CompletionItem item = item(name, CompletionItemKind.Module, range, name + ":");
          item.setDetail("default service");
          service.ifPresent(s -> item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, SchemaDocs.markdown(name, s))));
          items.add(item);
        }
      }
    }
  }

  private void values(JsonNode s, Range range, List<CompletionItem> items) {
    List<String> enums = ConfigSchema.enumValues(s);
    if (!enums.isEmpty()) {
      enums.forEach(v -> items.add(item(v, CompletionItemKind.EnumMember, range, v)));
      return;
    }
    if (SchemaDocs.type(s).equals("boolean")) {
      List.of("true", "false").forEach(v -> items.add(item(v, CompletionItemKind.Value, range, v)));
      return;
    }
    List<String> seen = new ArrayList<>();
    List<JsonNode> candidates = new ArrayList<>();
    if (s.has("default")) {
      candidates.add(s.get("default"));
    }
    s.path("examples").forEach(candidates::add);
    for (JsonNode c : candidates) {
      if (c.isValueNode() && !seen.contains(c.asText())) {
        seen.add(c.asText());
        items.add(item(c.asText(), CompletionItemKind.Value, range, c.asText()));
      }
    }
  }

  private static Set<String> flowKeys(CursorContext ctx) {
    Set<String> keys = new java.util.HashSet<>();
    String line = ctx.lineText();
    int brace = line.indexOf('{');
    Matcher m = FLOW_KEYS.matcher(brace < 0 ? "" : line.substring(brace));
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  private static CompletionItem item(String label, CompletionItemKind kind, Range range, String insert) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setTextEdit(Either.forLeft(new TextEdit(range, insert)));
    return item;
  }
}
