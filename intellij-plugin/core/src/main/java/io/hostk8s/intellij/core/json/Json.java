package io.hostk8s.intellij.core.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * What LSP4IJ hands the plugin is untyped: a command result arrives as Gson's {@code LinkedTreeMap} with every number
 * a {@code Double} ({@code {port=4711.0}}), error data as a Gson {@link JsonElement}. Both become a tree here and are
 * read into the protocol's records by Gson itself.
 */
public final class Json {
  private static final Gson GSON = new Gson();

  private Json() {}

  /** Any value LSP4IJ or lsp4j gives (JsonElement, Map with Doubles, a record, null) as a Gson tree. */
  public static JsonElement tree(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    return value instanceof JsonElement e ? e : GSON.toJsonTree(value);
  }

  /** The value read as {@code type} (a protocol record); numbers given as Double fit int and long fields. */
  public static <T> T as(Object value, Class<T> type) {
    return GSON.fromJson(tree(value), type);
  }

  /** The value at {@code path} ({@code a} or {@code a.b.c}), or JsonNull. */
  public static JsonElement at(Object value, String path) {
    JsonElement v = tree(value);
    if (path == null || path.isEmpty()) {
      return JsonNull.INSTANCE;
    }
    for (String key : path.split("\\.")) {
      if (!(v instanceof JsonObject o) || !o.has(key)) {
        return JsonNull.INSTANCE;
      }
      v = o.get(key);
    }
    return v;
  }

  /** The string at {@code path}, or null when absent or not a string. */
  public static String string(Object value, String path) {
    JsonElement e = at(value, path);
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
  }

  public static String text(Object value) {
    return GSON.toJson(tree(value));
  }
}
