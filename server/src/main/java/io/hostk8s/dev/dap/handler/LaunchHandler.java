package io.hostk8s.dev.dap.handler;

import com.google.gson.JsonElement;
import io.hostk8s.dev.debug.AttachConfig;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code launch} with {@code local: true}: runs the service on the host ({@code hostk8s.run.local}, dependencies
 * forwarded from the cluster) and attaches to its debugger; the run stops with the session if this launch started
 * it. Without {@code local} there is nothing to launch: services run in the cluster (use attach).
 */
public final class LaunchHandler implements DapRequestHandler {
  @Override
  public CompletableFuture<?> handle(String command, JsonElement arguments, DapContext ctx) {
    AttachConfig config = AttachConfig.parse(arguments);
    if (!config.local()) {
      throw HostK8sException.user(ErrorCode.INVALID_ARGUMENTS, "hostk8s debug sessions attach to a running service; launch runs it on the host only.",
          "Use \"request\": \"attach\" with \"service\": \"vote\", or \"request\": \"launch\" with \"local\": true.");
    }
    return ctx.session().attach(ctx.targets().resolve(config), config.timeout());
  }

  @Override
  public String eventAfter() {
    return "initialized";
  }
}
