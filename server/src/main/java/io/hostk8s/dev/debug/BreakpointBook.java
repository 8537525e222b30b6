package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IDE's debug configuration as last sent: {@code setBreakpoints} per source, {@code setFunctionBreakpoints},
 * {@code setExceptionBreakpoints}. Replayed, in that order, to every process the session (re)attaches to.
 */
public final class BreakpointBook {
  /** One request to replay. */
  public record Entry(String command, JsonObject arguments) {}

  private final Map<String, JsonObject> bySource = new LinkedHashMap<>();
  private JsonObject functions;
  private JsonObject exceptions;

  /** Records a configuration request (setBreakpoints | setFunctionBreakpoints | setExceptionBreakpoints). */
  public synchronized void record(String command, JsonObject arguments) {
    JsonObject copy = arguments.deepCopy();
    switch (command) {
      case "setBreakpoints" -> bySource.put(sourceKey(copy), copy);
      case "setFunctionBreakpoints" -> functions = copy;
      case "setExceptionBreakpoints" -> exceptions = copy;
      default -> throw new IllegalArgumentException("not a breakpoint request: " + command);
    }
  }

  public synchronized List<Entry> replay() {
    List<Entry> out = new ArrayList<>();
    bySource.values().forEach(a -> out.add(new Entry("setBreakpoints", a.deepCopy())));
    if (functions != null) {
      out.add(new Entry("setFunctionBreakpoints", functions.deepCopy()));
    }
    if (exceptions != null) {
      out.add(new Entry("setExceptionBreakpoints", exceptions.deepCopy()));
    }
    return out;
  }

  /** The paths of the sources that have breakpoints recorded. */
  public synchronized List<String> sourcePaths() {
    return bySource.keySet().stream().filter(k -> k.startsWith("path:")).map(k -> k.substring(5)).toList();
  }

  /** The recorded setBreakpoints arguments of a source (to answer while no process is attached). */
  public synchronized JsonObject forSource(JsonObject arguments) {
    JsonObject a = bySource.get(sourceKey(arguments));
    return a == null ? null : a.deepCopy();
  }

  public static boolean isConfiguration(String command) {
    return "setBreakpoints".equals(command) || "setFunctionBreakpoints".equals(command)
        || "setExceptionBreakpoints".equals(command);
  }

  private static String sourceKey(JsonObject args) {
    JsonElement source = args.get("source");
    if (source != null && source.isJsonObject()) {
      JsonObject s = source.getAsJsonObject();
      if (s.has("path") && s.get("path").isJsonPrimitive()) {
        return "path:" + s.get("path").getAsString();
      }
      if (s.has("sourceReference")) {
        return "ref:" + s.get("sourceReference");
      }
    }
    return "unknown";
  }
}
