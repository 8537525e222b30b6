package io.hostk8s.dev.debug;

import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import io.hostk8s.dev.run.LocalRuns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.hostk8s.dev.forward.PodRef;
import java.util.function.Consumer;

/**
 * A {@code launch} with {@code local: true}: the service run on the host by {@code hostk8s.run.local} (its
 * dependencies forwarded from the cluster), debugged at its debugger's address. Closing the session stops the run
 * only if this launch started it (a run that was already there is left running).
 */
public final class LocalRunEndpoint implements DebugEndpoint {
  private final LocalRuns runs;
  private final String service;
  private final Address address;
  private final boolean started;

  private LocalRunEndpoint(LocalRuns runs, String service, Address address, boolean started) {
    this.runs = runs;
    this.service = service;
    this.address = address;
    this.started = started;
  }

  /** Starts (or finds) the service's local run. */
  public static LocalRunEndpoint start(EngineServices engine, String service) {
    LocalRuns runs = LocalRuns.of(engine);
    Map<String, Object> result;
    try {
      result = runs.start(service, Progress.NONE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostK8sException(ErrorCode.CANCELLED, "Starting " + service + " on the host was interrupted.", List.of(), true, e);
    }
    if (!(result.get("debug") instanceof Map<?, ?> debug) || !(debug.get("port") instanceof Number port)) {
      throw HostK8sException.user(ErrorCode.DEBUG_ATTACH_FAILED, "The local run of " + service + " has no debugger address.",
          "Give services." + service + ".local a command that runs the service under its debugger ({debugPort}).");
    }
    return new LocalRunEndpoint(runs, service, new Address(String.valueOf(debug.get("host")), port.intValue()),
        !Boolean.TRUE.equals(result.get("alreadyRunning")));
  }

  @Override
  public Address await(Duration timeout) {
    return address;
  }

  @Override
  public String describe() {
    return "the local run of " + service + " (" + address.host() + ":" + address.port() + ")";
  }

  @Override
  public PodRef reaches() {
    return new PodRef(describe(), describe());
  }

  @Override
  public AutoCloseable onChange(Consumer<PodRef> listener) {
    return () -> { };
  }

  @Override
  public void close() {
    if (started) {
      runs.stop(service);
    }
  }
}
