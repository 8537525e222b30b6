package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.concurrent.CompletableFuture;

/** {@code launch}: not offered — services run in the cluster; the debugger attaches to them. */
public final class LaunchHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "hostk8s debug sessions attach to a running service; launch is not supported.",
        "Use \"request\": \"attach\" with \"service\": \"vote\" (or run the service locally with hostk8s.run.local).");
  }
}
