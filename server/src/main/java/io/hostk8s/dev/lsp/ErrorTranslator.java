package io.hostk8s.dev.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The one place where failures become LSP errors: {@code ResponseError(code, message, data{code, name,
 * suggestions, fixes})}: {@code fixes} are {@link io.hostk8s.dev.protocol.commands.Fix}es a client offers as buttons. Cancellation passes through unchanged (lsp4j answers RequestCancelled).
 */
public final class ErrorTranslator {
  private static final Logger LOG = Logger.getLogger(ErrorTranslator.class.getName());
  private static final Gson GSON = new Gson();

  private ErrorTranslator() {}

  public static RuntimeException toLsp(Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof CancellationException ce) {
      return ce;
    }
    if (t instanceof ResponseErrorException re) {
      return re;
    }
    HostK8sException e = t instanceof HostK8sException h ? h : HostK8sException.internal(String.valueOf(t.getMessage()), t);
    if (e.userError()) {
      LOG.info(() -> "[" + e.code().code() + "] " + e.getMessage());
    } else {
      LOG.log(Level.SEVERE, "[" + e.code().code() + "] " + e.getMessage(), t);
    }
    if (e.code() == ErrorCode.CANCELLED) {
      return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestCancelled, e.getMessage(), data(e)));
    }
    return new ResponseErrorException(new ResponseError(e.code().code(), e.getMessage(), data(e)));
  }

  static JsonObject data(HostK8sException e) {
    JsonObject data = new JsonObject();
    data.addProperty("code", e.code().code());
    data.addProperty("name", e.code().name());
    JsonArray s = new JsonArray();
    e.suggestions().forEach(s::add);
    data.add("suggestions", s);
    data.add("fixes", GSON.toJsonTree(e.fixes()));
    return data;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cur = t;
    while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
      cur = cur.getCause();
    }
    return cur;
  }
}
