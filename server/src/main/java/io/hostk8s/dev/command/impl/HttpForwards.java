package io.hostk8s.dev.command.impl;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.protocol.ForwardStatus;
import io.hostk8s.dev.protocol.commands.args.ForwardStartArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forward ({@link ForwardStartCommand#open}) to every configured service whose pods declare an {@code http}
 * port — what {@code up} and {@code hostk8s.dev} open so they can end with where the app is. A service without
 * such a port is skipped silently; any other failure becomes a note ("forward  vote: not opened — …").
 */
public final class HttpForwards {
  private HttpForwards() {}

  /** The forwards opened (or already open), in configuration order; failures are added to {@code notes}. */
  public static List<ForwardStatus> open(EngineServices engine, List<String> notes) {
    List<ForwardStatus> opened = new ArrayList<>();
    for (String service : engine.workspace().config().config().services().keySet()) {
      try {
        opened.add(ForwardStartCommand.open(engine, new ForwardStartArgs(service, null, null, null, "http")));
      } catch (HostK8sException e) {
        if (e.code() != ErrorCode.FORWARD_NO_PORT && e.code() != ErrorCode.UNKNOWN_SERVICE) {
          notes.add("forward  " + service + ": not opened — " + e.getMessage());
        }
      } catch (RuntimeException e) {
        notes.add("forward  " + service + ": not opened — " + e.getMessage());
      }
    }
    return opened;
  }

  /** service → its URL ({@code http://127.0.0.1:N/}, or {@code 127.0.0.1:N} when the forward has no URL). */
  public static Map<String, String> urls(List<ForwardStatus> forwards) {
    Map<String, String> urls = new LinkedHashMap<>();
    forwards.forEach(f -> urls.put(f.service(), f.url() != null ? f.url() : "127.0.0.1:" + f.localPort()));
    return urls;
  }
}
