package io.hostk8s.dev.rpc;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.lsp.ErrorTranslator;
import io.hostk8s.dev.protocol.commands.Fix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;

/** HostK8sException ⇄ JSON-RPC error on the engine socket (same shape as the LSP errors). */
final class RpcErrors {
  private RpcErrors() {}

  static Throwable toResponseError(Throwable t) {
    return ErrorTranslator.toLsp(t);
  }

  /** Rebuilds the HostK8sException an owner reported, so the CLI prints it like a local one. */
  static HostK8sException fromRemote(Throwable t) {
    Throwable cur = t;
    while (cur.getCause() != null && !(cur instanceof ResponseErrorException)) {
      cur = cur.getCause();
    }
    if (cur instanceof ResponseErrorException re) {
      ResponseError err = re.getResponseError();
      ErrorCode code = Arrays.stream(ErrorCode.values()).filter(c -> c.code() == err.getCode()).findFirst().orElse(ErrorCode.INTERNAL);
      List<String> suggestions = new ArrayList<>();
      List<Fix> fixes = null;
      if (err.getData() instanceof JsonObject data && data.has("suggestions")) {
        for (JsonElement s : data.getAsJsonArray("suggestions")) {
          suggestions.add(s.getAsString());
        }
      }
      if (err.getData() instanceof JsonObject data && data.has("fixes")) {
        fixes = new ArrayList<>();
        for (JsonElement f : data.getAsJsonArray("fixes")) {
          fixes.add(new Gson().fromJson(f, Fix.class));
        }
      }
      return new HostK8sException(code, err.getMessage(), suggestions, true, null, fixes);
    }
    return new HostK8sException(ErrorCode.ENGINE_UNREACHABLE, "The workspace engine failed: " + t.getMessage(),
        List.of("Check the engine owner's log (.hostk8s/server.log)."), true, t);
  }
}
