package io.hostk8s.dev.dap;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.util.Json;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.debug.Message;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/**
 * The one place where failures become DAP error responses: {@code message} = the error's message and its fix;
 * {@code body.error} = {id: our error code, format, showUser: true}. A debuggee's own rejection keeps its text.
 */
final class DapErrors {
  private static final Logger LOG = Logger.getLogger(DapErrors.class.getName());

  private DapErrors() {}

  static ResponseError toResponseError(Throwable failure) {
    HostK8sException e = hostK8s(failure);
    if (e.userError()) {
      LOG.fine(() -> "[" + e.code().code() + "] " + e.getMessage());
    } else {
      LOG.log(Level.WARNING, "[" + e.code().code() + "] " + e.getMessage(), e.getCause() == null ? e : e.getCause());
    }
    String text = e.suggestions().isEmpty() ? e.getMessage() : e.getMessage() + " Fix: " + String.join(" ", e.suggestions());
    Message m = new Message();
    m.setId(e.code().code());
    m.setFormat(text.replace("{", "(").replace("}", ")"));
    m.setShowUser(e.code() != ErrorCode.DEBUGGEE_ERROR);
    JsonObject body = new JsonObject();
    body.add("error", Json.GSON.toJsonTree(m));
    ResponseError error = new ResponseError();
    error.setCode(e.code().code());
    error.setMessage(text);
    error.setData(body);
    return error;
  }

  private static HostK8sException hostK8s(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof HostK8sException h) {
      return h;
    }
    return HostK8sException.internal(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), t);
  }
}
