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
    long revision,
    io.hostk8s.dev.protocol.cloud.CloudStatus cloud) {

  public StatusSnapshot(String version, EngineInfo engine, ClusterStatus cluster, List<ServiceStatus> services,
      List<ForwardStatus> forwards, List<DebugSessionStatus> debugSessions, String busy, long revision) {
    this(version, engine, cluster, services, forwards, debugSessions, busy, revision, null);
  }

  public StatusSnapshot {
    services = services == null ? List.of() : List.copyOf(services);
    forwards = forwards == null ? List.of() : List.copyOf(forwards);
    debugSessions = debugSessions == null ? List.of() : List.copyOf(debugSessions);
  }

  public StatusSnapshot withCluster(ClusterStatus c) {
    return new StatusSnapshot(version, engine, c, services, forwards, debugSessions, busy, revision, cloud);
  }

  public StatusSnapshot withServices(List<ServiceStatus> s) {
    return new StatusSnapshot(version, engine, cluster, s, forwards, debugSessions, busy, revision, cloud);
  }

  public StatusSnapshot withBusy(String b) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, debugSessions, b, revision, cloud);
  }

  public StatusSnapshot withEngine(EngineInfo e) {
    return new StatusSnapshot(version, e, cluster, services, forwards, debugSessions, busy, revision, cloud);
  }

  public StatusSnapshot withForwards(List<ForwardStatus> f) {
    return new StatusSnapshot(version, engine, cluster, services, f, debugSessions, busy, revision, cloud);
  }

  public StatusSnapshot withDebugSessions(List<DebugSessionStatus> d) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, d, busy, revision, cloud);
  }

  /** The cloud section (null: nothing published and not asked). */
  public StatusSnapshot withCloud(io.hostk8s.dev.protocol.cloud.CloudStatus c) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, debugSessions, busy, revision, c);
  }

  public StatusSnapshot withRevision(long r) {
    return new StatusSnapshot(version, engine, cluster, services, forwards, debugSessions, busy, r, cloud);
  }
}
