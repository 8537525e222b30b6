package io.hostk8s.dev.protocol;

import java.util.List;

/**
 * The whole observable state, as sent in the {@code hostk8s/status} notification, returned by the
 * {@code hostk8s/status} request and printed by {@code hostk8s-dev status --json}.
 */
public record StatusSnapshot(
    String version,
    EngineInfo engine,
    ClusterStatus cluster,
    List<ServiceStatus> services,
    List<ForwardStatus> forwards,
    List<DebugSessionStatus> debugSessions,
    String busy,
    long revision) {

  public StatusSnapshot {
    services = services == null ? List.of() : List.copyOf(services);
    forwards = forwards == null ? List.of() : List.copyOf(forwards);
    debugSessions = debugSessions == null ? List.of() : List.copyOf(debugSessions);
  }

  public StatusSnapshot withCluster(ClusterStatus c) {
    return new StatusSnapshot(version, engine, c, services, forwards, debugSessions, busy, revision);
  }

  public StatusSnapshot withServices(List<ServiceStatus> s) {
    return new StatusSnapshot(version, engine, cluster, s, forwards, debugSessions, busy, revision);
  }

  public StatusSnapshot withBusy(String b) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, debugSessions, b, revision);
  }

  public StatusSnapshot withEngine(EngineInfo e) {
    return new StatusSnapshot(version, e, cluster, services, forwards, debugSessions, busy, revision);
  }

  public StatusSnapshot withForwards(List<ForwardStatus> f) {
    return new StatusSnapshot(version, engine, cluster, services, f, debugSessions, busy, revision);
  }

  public StatusSnapshot withDebugSessions(List<DebugSessionStatus> d) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, d, busy, revision);
  }

  public StatusSnapshot withRevision(long r) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, debugSessions, busy, r);
  }
}
