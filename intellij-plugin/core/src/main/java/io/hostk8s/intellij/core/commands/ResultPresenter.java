package io.hostk8s.intellij.core.commands;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.protocol.commands.Fix;
import io.hostk8s.dev.protocol.commands.ResultView;
import io.hostk8s.intellij.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command result turned into what to show, following the server's ResultView (no case per command). */
public final class ResultPresenter {
  private static final Pattern FIELD = Pattern.compile("\\{([A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*)}");
  private static final List<String> VIEWS = List.of("message", "document", "status", "logs");

  private ResultPresenter() {}

  public static Presentation present(ResultView view, Object result, Map<String, ?> args, String title) {
    String show = view != null && VIEWS.contains(view.show()) ? view.show() : "message";
    String summary = view != null && view.summary() != null ? fill(view.summary(), result) : title + " done.";
    String url = view == null ? null : Json.string(result, view.url());
    Object service = args.get("service") != null ? args.get("service") : Json.string(result, "service");
    JsonElement debug = view == null ? null : Json.at(result, view.debug());
    boolean warning = view != null && view.okField() != null && isFalse(Json.at(result, view.okField()));
    return new Presentation(show, summary.matches("(?s)^HostK8s\\b.*") ? summary : "HostK8s: " + summary, warning,
        lines(view == null ? null : Json.at(result, view.lines())), lines(view == null ? null : Json.at(result, view.problems())),
        fixes(view == null ? null : Json.at(result, view.fixes())), url == null || url.isEmpty() ? null : url,
        view != null && view.urlLabel() != null ? fill(view.urlLabel(), result) : "Open in Browser",
        debug != null && debug.isJsonObject() ? Json.as(debug, mapType()) : null,
        service instanceof String s ? s : null);
  }

  @SuppressWarnings("unchecked")
  private static Class<Map<String, Object>> mapType() {
    return (Class<Map<String, Object>>) (Class<?>) Map.class;
  }

  /** {@code {field}} and {@code {field.sub}} replaced by the result's values (absent ones by —). */
  public static String fill(String template, Object result) {
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(text(Json.at(result, m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String text(JsonElement v) {
    if (v == null || v.isJsonNull() || (v.isJsonPrimitive() && v.getAsString().isEmpty())) {
      return "—";
    }
    if (v.isJsonArray()) {
      List<String> parts = new ArrayList<>();
      v.getAsJsonArray().forEach(x -> parts.add(x.isJsonPrimitive() ? scalar(x) : Json.text(x)));
      return parts.isEmpty() ? "—" : String.join(", ", parts);
    }
    return v.isJsonPrimitive() ? scalar(v) : Json.text(v);
  }

  /** A number LSP4IJ gave as a Double (8080.0) is shown as the server wrote it (8080). */
  static String scalar(JsonElement v) {
    if (v.getAsJsonPrimitive().isNumber()) {
      double d = v.getAsDouble();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    return v.getAsString();
  }

  private static boolean isFalse(JsonElement v) {
    return v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && !v.getAsBoolean();
  }

  static List<String> lines(JsonElement v) {
    if (v == null || v.isJsonNull()) {
      return List.of();
    }
    if (v.isJsonPrimitive()) {
      return List.of(v.getAsString().split("\n", -1));
    }
    List<String> out = new ArrayList<>();
    if (v.isJsonArray()) {
      v.getAsJsonArray().forEach(x -> out.add(x.isJsonPrimitive() ? scalar(x) : Json.text(x)));
    }
    return out;
  }

  /** The well-formed fixes of a value: title, command and arguments (an array, default none). */
  public static List<Fix> fixes(JsonElement v) {
    List<Fix> out = new ArrayList<>();
    if (v == null || !v.isJsonArray()) {
      return out;
    }
    for (JsonElement f : (JsonArray) v) {
      if (!(f instanceof JsonObject o)) {
        continue;
      }
      String title = Json.string(o, "title");
      String command = Json.string(o, "command");
      if (title == null || title.isEmpty() || command == null || command.isEmpty()) {
        continue;
      }
      List<Object> args = new ArrayList<>();
      if (o.get("arguments") instanceof JsonArray a) {
        a.forEach(args::add); // Gson trees, sent back as given (error data keeps 5005 an integer; a result map has 5005.0, which the server accepts)
      }
      out.add(new Fix(title, command, args));
    }
    return out;
  }
}
