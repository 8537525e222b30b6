package io.hostk8s.dev.command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Arguments of a command, as LSP sends them ({@code executeCommand.arguments}, a JSON array) and as the CLI
 * builds them. Either positional strings ({@code ["vote"]}) or one object with named fields
 * ({@code [{"service":"vote"}]}); {@link #string(String, int)} reads both forms.
 */
public final class CommandArgs {
  private final List<JsonElement> values;
  private final Map<String, String> callerEnv;

  private CommandArgs(List<JsonElement> values) {
    this(values, null);
  }

  private CommandArgs(List<JsonElement> values, Map<String, String> callerEnv) {
    this.values = List.copyOf(values);
    this.callerEnv = callerEnv == null ? null : Map.copyOf(callerEnv);
  }

  /**
   * The same arguments from a front end in another process, with its {@link io.hostk8s.dev.core.CallerEnv} (null:
   * none sent, the engine's own environment applies).
   */
  public CommandArgs withCallerEnv(Map<String, String> env) {
    return new CommandArgs(values, env);
  }

  /** The asking front end's Docker and registry variables, when it runs in another process and sent them. */
  public Optional<Map<String, String>> callerEnv() {
    return Optional.ofNullable(callerEnv);
  }

  public static CommandArgs of(List<?> raw, com.google.gson.Gson gson) {
    List<JsonElement> out = new ArrayList<>();
    if (raw != null) {
      for (Object o : raw) {
        out.add(o instanceof JsonElement je ? je : gson.toJsonTree(o));
      }
    }
    return new CommandArgs(out);
  }

  public static CommandArgs named(JsonObject object) {
    return new CommandArgs(List.of(object));
  }

  /** A typed argument record as the one named object (null components left out). */
  public static CommandArgs of(Record typed) {
    return named(new com.google.gson.Gson().toJsonTree(typed).getAsJsonObject());
  }

  /**
   * The arguments as the command's record: each component from the named field, or else from the positional
   * argument at its index; strings, whole numbers, numbers and booleans are read leniently ({@code "80"},
   * {@code "true"}); a missing required one or a non-number fails with INVALID_ARGUMENTS and an example.
   */
  public <R extends Record> R as(Class<R> type) {
    return TypedArgs.read(this, type);
  }

  public static CommandArgs none() {
    return new CommandArgs(List.of());
  }

  public List<JsonElement> raw() {
    return values;
  }

  /** A string from the named field, or else the positional argument at {@code index}. */
  public Optional<String> string(String name, int index) {
    if (!values.isEmpty() && values.get(0).isJsonObject()) {
      JsonElement v = values.get(0).getAsJsonObject().get(name);
      return Optional.ofNullable(v).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
    }
    if (index < values.size() && values.get(index).isJsonPrimitive()) {
      JsonPrimitive p = values.get(index).getAsJsonPrimitive();
      return Optional.of(p.getAsString());
    }
    return Optional.empty();
  }

  public String requireString(String name, int index, String example) {
    return string(name, index).orElseThrow(() -> HostK8sException.user(ErrorCode.INVALID_ARGUMENTS,
        "Missing argument '" + name + "'.", "Pass it, e.g. " + example));
  }

  public boolean flag(String name) {
    if (!values.isEmpty() && values.get(0).isJsonObject()) {
      JsonElement v = values.get(0).getAsJsonObject().get(name);
      return v != null && v.isJsonPrimitive() && v.getAsBoolean();
    }
    return false;
  }
}
