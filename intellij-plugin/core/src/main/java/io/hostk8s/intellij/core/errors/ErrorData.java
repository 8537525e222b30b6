package io.hostk8s.intellij.core.errors;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import io.hostk8s.intellij.core.json.Json;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/**
 * A failed command as the plugin receives it: the JSON-RPC code, the server's message, and its {@code data} (code,
 * name, suggestions, fixes) as a Gson tree — LSP4IJ passes data as a {@code JsonElement} (or, through a generic
 * {@code Object}, a map with Double numbers); both are read the same way.
 */
public record ErrorData(int code, String message, JsonElement data, boolean cancelled) {
  public static final int REQUEST_CANCELLED = -32800;

  /** Unwraps CompletionException/ExecutionException; lsp4j's ResponseErrorException gives code, message and data. */
  public static ErrorData of(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof ResponseErrorException e) {
      var r = e.getResponseError();
      return new ErrorData(r.getCode(), r.getMessage(), Json.tree(r.getData()), r.getCode() == REQUEST_CANCELLED);
    }
    if (c instanceof CancellationException) {
      return new ErrorData(REQUEST_CANCELLED, "cancelled", JsonNull.INSTANCE, true);
    }
    String m = c == null ? null : c.getMessage();
    return new ErrorData(0, m, JsonNull.INSTANCE, false);
  }

  /** The server's error code ({@code data.code}, e.g. 2001), or 0. */
  public int serverCode() {
    JsonElement e = Json.at(data, "code");
    return e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsNumber().intValue() : 0;
  }
}
