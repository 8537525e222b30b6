package io.hostk8s.dev.debug;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.forward.PodRef;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One run of attaching a session to its debuggee's main process, as a small state machine:
 * <pre>
 *   AWAIT_POD ──(endpoint serves pod P)──▶ HANDSHAKE ──(initialize, attach, replay, configurationDone)──▶ CONFIRM
 *   CONFIRM ──(still P, link open)──▶ ATTACHED
 *   CONFIRM ──(the endpoint moved to another pod during the handshake, or the link closed)──▶ BACKOFF
 *   AWAIT_POD / HANDSHAKE ──(failure: no pod yet, refused, the JVM's one JDWP slot still held)──▶ BACKOFF
 *   BACKOFF ──(100 ms … 1 s)──▶ AWAIT_POD        any ──(session ended)──▶ ENDED        BACKOFF ──(deadline)──▶ GAVE_UP
 * </pre>
 * A link that is not adopted is detached before the next try, so it never holds the JVM's single JDWP slot. The
 * breakpoints go to each link once, in its handshake ({@link DebuggeeLink#attach}); only an adopted link receives
 * the IDE's later changes. Every transition is logged at FINE with the attempt and the pod (name/uid).
 */
final class RootAttach {
  private static final Logger LOG = Logger.getLogger(RootAttach.class.getName());
  static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(15);

  /** The machine's states. */
  enum Step { AWAIT_POD, HANDSHAKE, CONFIRM, BACKOFF, ATTACHED, ENDED, GAVE_UP }

  /** Connects one link (the handshake); throws on any failure. */
  @FunctionalInterface
  interface Handshake {
    void run(DebuggeeLink link, DebugEndpoint.Address at, Duration limit) throws Exception;
  }

  private final SessionState state;
  private final DebugEndpoint endpoint;
  private final Handshake handshake;
  private final Supplier<DebuggeeLink> newLink;
  private final Consumer<Step> trace;
  private final boolean untilEnded;
  private final long deadline;
  private Step step = Step.AWAIT_POD;
  private int attempt;
  private long backoff = 100;
  private Exception last;
  private DebugEndpoint.Address address;
  private PodRef pod;
  private DebuggeeLink link;

  /** {@code deadline} in System.nanoTime, or {@link ProcessAttacher#NO_DEADLINE} to try until the session ends. */
  RootAttach(SessionState state, DebugEndpoint endpoint, Supplier<DebuggeeLink> newLink, Handshake handshake,
      long deadline, Consumer<Step> trace) {
    this.state = state;
    this.endpoint = endpoint;
    this.newLink = newLink;
    this.handshake = handshake;
    this.deadline = deadline;
    this.untilEnded = deadline == ProcessAttacher.NO_DEADLINE;
    this.trace = trace;
  }

  /**
   * Runs until attached; the adopted link. Throws when the session ends or the deadline passes. {@code onRetry}
   * hears the failure before each back-off.
   */
  DebuggeeLink run(Consumer<Exception> onRetry) {
    while (true) {
      if (state.ended() && step != Step.ATTACHED) {
        go(Step.ENDED);
      }
      switch (step) {
        case AWAIT_POD -> awaitPod();
        case HANDSHAKE -> handshake();
        case CONFIRM -> confirm();
        case BACKOFF -> {
          onRetry.accept(last);
          backoff();
        }
        case ATTACHED -> {
          return link;
        }
        case ENDED -> {
          dropLink();
          throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "The debug session ended while attaching.", List.of(), true, last);
        }
        case GAVE_UP -> throw new HostK8sException(ErrorCode.DEBUG_ATTACH_FAILED, "Could not attach to "
            + state.target().target().service() + " at " + endpoint.describe() + ": " + ProcessAttacher.message(last),
            List.of("Check that the " + state.target().target().runtime() + " debugger listens in the pod (the pod log shows it), "
                + "or raise \"timeout\" in the launch configuration."), true, last);
      }
    }
  }

  private void awaitPod() {
    long left = untilEnded ? Duration.ofSeconds(5).toNanos() : deadline - System.nanoTime();
    if (left <= 0) {
      go(Step.GAVE_UP);
      return;
    }
    attempt++;
    try {
      address = endpoint.await(Duration.ofNanos(left));
      pod = endpoint.reaches();
      go(Step.HANDSHAKE);
    } catch (HostK8sException e) {
      if (!untilEnded && e.code() != ErrorCode.DEBUG_ATTACH_FAILED) {
        throw e; // unknown service, no pods in time…: the user's to fix
      }
      failed(e);
    }
  }

  private void handshake() {
    link = newLink.get();
    state.connecting(address, link);
    long left = untilEnded ? HANDSHAKE_LIMIT.toNanos() : Math.min(deadline - System.nanoTime(), HANDSHAKE_LIMIT.toNanos());
    try {
      handshake.run(link, address, Duration.ofNanos(Math.max(left, 1)));
      go(Step.CONFIRM);
    } catch (Exception e) {
      failed(e);
    }
  }

  private void confirm() {
    PodRef now = endpoint.reaches();
    if (pod == null || !pod.samePod(now)) {
      failed(new IllegalStateException("the endpoint moved from " + name(pod) + " to " + name(now) + " during the handshake"));
    } else if (state.adoptRoot(link, pod)) {
      go(Step.ATTACHED);
    } else {
      failed(new IllegalStateException("the connection closed during the handshake"));
    }
  }

  private void failed(Exception e) {
    last = e;
    LOG.fine(() -> "attempt " + attempt + " at " + name(pod) + " failed: " + ProcessAttacher.message(e));
    dropLink();
    go(Step.BACKOFF);
  }

  /** Detaches a link that is not adopted: it must not keep the JVM's only JDWP slot. */
  private void dropLink() {
    if (link != null) {
      state.remove(link);
      link.detach(ProcessAttacher.DETACH);
      link = null;
    }
  }

  private void backoff() {
    if (!untilEnded && System.nanoTime() + backoff * 1_000_000 > deadline) {
      go(Step.GAVE_UP);
      return;
    }
    try {
      Thread.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      go(Step.ENDED);
      return;
    }
    backoff = Math.min(backoff * 2, 1000);
    go(Step.AWAIT_POD);
  }

  private void go(Step next) {
    LOG.fine(() -> "attempt " + attempt + ": " + step + " → " + next + " (" + name(pod) + ")");
    step = next;
    trace.accept(next);
  }

  private static String name(PodRef p) {
    return p == null ? "no pod" : p.uid() == null || p.uid().equals(p.name()) ? p.name() : p.name() + " uid " + p.uid();
  }
}
