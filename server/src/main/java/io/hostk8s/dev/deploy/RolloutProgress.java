package io.hostk8s.dev.deploy;

import io.hostk8s.dev.progress.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Turns rollout snapshots into progress lines a person can read. First {@code rollout: waiting for vote, worker …}
 * (services already ready named as such); then a line only when one service's state changes and the new state
 * has held for {@code settle} ({@code rollout: vote 0/1 CrashLoopBackOff}: ready/total pods and the reason
 * without its changing details — a crash loop's back-off, the waiting message, the event text); a state already
 * reported for a service is not reported again until it has been ready (a crash loop cycles Running → Error →
 * CrashLoopBackOff). {@code rollout: vote ready (1/1) in 2.3 s} as soon as it is; the last log lines of a crashed
 * container once per service; a final {@code rollout: 5/5 services ready in 4.1 s}. Percentages go from
 * {@code from} to {@code to} with the share of ready services and never go back. Used by awaitReady's thread only.
 */
final class RolloutProgress {
  static final String PREFIX = "rollout: ";
  static final Duration SETTLE = Duration.ofSeconds(2);
  private static final String LAST_EVENT = "; last event ";
  private final Progress progress;
  private final int from;
  private final int to;
  private final LongSupplier nanoClock;
  private final long settleNanos;
  private final long start;
  private final Map<String, Track> tracks = new HashMap<>();
  private boolean started;
  private int percentage;

  private static final class Track {
    final Set<String> shown = new HashSet<>();
    boolean ready;
    boolean logShown;
    String last;
    String pending;
    long pendingSince;
  }

  RolloutProgress(Progress progress, int from, int to, Duration settle, LongSupplier nanoClock) {
    this.progress = progress;
    this.from = from;
    this.to = Math.max(from, to);
    this.nanoClock = nanoClock;
    this.settleNanos = settle.toNanos();
    this.start = nanoClock.getAsLong();
    this.percentage = from;
  }

  /** Reports what changed since the last snapshot (call it again while nothing changes: states settle with time). */
  void update(List<ServiceReadiness> now) {
    long ready = now.stream().filter(ServiceReadiness::ready).count();
    if (!now.isEmpty()) {
      percentage = Math.max(percentage, (int) (from + (to - from) * ready / now.size()));
    }
    if (!started) {
      started = true;
      first(now);
      return;
    }
    long t = nanoClock.getAsLong();
    for (ServiceReadiness r : now) {
      Track track = tracks.computeIfAbsent(r.name(), n -> new Track());
      if (r.ready()) {
        if (!track.ready) {
          track.ready = true;
          track.shown.clear();
          track.last = null;
          track.pending = null;
          report(r.name() + " ready (" + r.readyPods() + "/" + r.totalPods() + ") in " + elapsed(), percentage);
        }
        continue;
      }
      track.ready = false;
      String state = state(r);
      if (state.equals(track.last)) {
        track.pending = null;
      } else if (!state.equals(track.pending)) {
        track.pending = state;
        track.pendingSince = t;
      }
      if (track.pending != null && t - track.pendingSince >= settleNanos) {
        track.last = track.pending;
        track.pending = null;
        if (track.shown.add(track.last)) {
          report(r.name() + " " + track.last, percentage);
        }
      }
    }
  }

  /** The first snapshot: one line; services ready already are only named. */
  private void first(List<ServiceReadiness> now) {
    List<String> waiting = new ArrayList<>();
    List<String> ready = new ArrayList<>();
    long t = nanoClock.getAsLong();
    for (ServiceReadiness r : now) {
      Track track = tracks.computeIfAbsent(r.name(), n -> new Track());
      track.ready = r.ready();
      (r.ready() ? ready : waiting).add(r.name());
      if (!r.ready()) {
        track.pending = state(r);
        track.pendingSince = t;
      }
    }
    if (!waiting.isEmpty()) {
      report("waiting for " + String.join(", ", waiting) + (ready.isEmpty() ? "" : " (" + String.join(", ", ready) + " ready)"),
          percentage);
    }
  }

  /** True when the crash log of {@code service} was already shown. */
  boolean logShown(String service) {
    Track t = tracks.get(service);
    return t != null && t.logShown;
  }

  /** Shows why a container ended, once per service: a header, then each log line prefixed with the service. */
  void crashLog(ContainerProblem p, List<String> lines) {
    Track t = tracks.computeIfAbsent(p.service(), n -> new Track());
    if (t.logShown) {
      return;
    }
    t.logShown = true;
    String what = p.exitCode() == null ? "restarted" : (p.exitCode() == 0 ? "exited" : "crashed") + " (exit code " + p.exitCode() + ")";
    report(p.service() + " " + what + " in pod " + p.pod() + (lines.isEmpty() ? "; its log is empty" : "; last log lines:"), percentage);
    lines.forEach(l -> report(p.service() + " | " + l, null));
  }

  /** The final line once every service is ready. */
  void done(List<ServiceReadiness> now) {
    percentage = to;
    report(now.isEmpty() ? "no workloads to wait for"
        : now.size() + "/" + now.size() + (now.size() == 1 ? " service" : " services") + " ready in " + elapsed(), to);
  }

  private void report(String message, Integer pct) {
    progress.report(PREFIX + message, pct);
  }

  private String elapsed() {
    return String.format(Locale.ROOT, "%.1f s", (nanoClock.getAsLong() - start) / 1e9);
  }

  /**
   * The state of an unready service without the details that change while nothing changes:
   * {@code 0/1 CrashLoopBackOff} for "CrashLoopBackOff: back-off 8000ms restarting …", the waiting message cut,
   * a last event kept as its reason only ({@code 0/1 Running (last event Unhealthy)}).
   */
  static String state(ServiceReadiness r) {
    String reason = r.reason() == null ? "not ready" : r.reason();
    String event = null;
    int e = reason.indexOf(LAST_EVENT);
    if (e >= 0) {
      String rest = reason.substring(e + LAST_EVENT.length());
      int colon = rest.indexOf(':');
      event = colon < 0 ? rest : rest.substring(0, colon);
      reason = reason.substring(0, e);
    }
    int colon = reason.indexOf(": ");
    if (colon > 0 && reason.substring(0, colon).matches("[A-Za-z]+")) {
      reason = reason.substring(0, colon);
    }
    return r.readyPods() + "/" + r.totalPods() + " " + reason + (event == null ? "" : " (last event " + event + ")");
  }
}
