package io.hostk8s.dev.debug;

import com.google.gson.JsonElement;
import io.hostk8s.dev.forward.PodRef;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the session attached: owns its links (hears their events and their ends), re-attaches when the main
 * process' connection ends or the endpoint moves to another pod, follows announced subprocesses, and releases the
 * IDE's stopped view of a process that went away.
 */
final class LinkSupervisor implements DebuggeeLink.Owner {
  private static final Logger LOG = Logger.getLogger(LinkSupervisor.class.getName());

  private final SessionState state;
  private final SessionConsole console;
  private final ExecutorService work;
  private final ProcessAttacher attacher;
  private final EventTranslator events;

  LinkSupervisor(SessionState state, SessionConsole console, BreakpointBook book, DapChannel.Factory channels, ExecutorService work,
      Consumer<RootAttach.Step> trace) {
    this.state = state;
    this.console = console;
    this.work = work;
    this.attacher = new ProcessAttacher(state, console, book, channels, this, trace);
    this.events = new EventTranslator(state, console, announced -> submit(() -> attacher.attachSubprocess(announced)));
  }

  /** Attaches to the main process before {@code deadline} (System.nanoTime); throws when it cannot. */
  DebuggeeLink attach(long deadline) {
    return attacher.connectRoot(deadline);
  }

  /**
   * The endpoint reaches {@code now}: unless the main process' link is connected to that very pod (same uid), the
   * old pod's connection is useless — re-attach through the endpoint. A late notice of the pod the session already
   * re-attached to changes nothing.
   */
  void podChanged(PodRef now) {
    state.rootUnlessAt(now).ifPresent(l -> {
      LOG.fine(() -> "endpoint moved from " + state.rootAt() + " to " + now + ": dropping " + l);
      l.lost();
    });
  }

  @Override
  public void event(DebuggeeLink link, String event, JsonElement body) {
    events.event(link, event, body);
  }

  @Override
  public void closed(DebuggeeLink link) {
    state.closed(link).ifPresent(loss -> {
      console.release(link);
      loss.orphans().forEach(c -> {
        c.close();
        console.release(c);
      });
      DebugTargets.Resolved r = state.target();
      if (loss.root()) {
        submit(() -> reattach("connection to " + r.endpoint().describe() + " lost (pod replaced or process restarted)"));
      } else {
        console.output(r.target().service() + ": " + link.name() + " exited — waiting for its successor (reload).");
      }
    });
  }

  private void reattach(String why) {
    DebugTargets.Resolved r = state.target();
    console.phase(SessionPhase.REATTACHING);
    console.output(r.target().service() + ": " + why + " — re-attaching…");
    long t0 = System.nanoTime();
    try {
      attacher.connectRoot(ProcessAttacher.NO_DEADLINE);
    } catch (RuntimeException e) {
      if (!state.ended()) {
        LOG.log(Level.WARNING, "re-attach failed", e);
      }
      return;
    }
    console.phase(SessionPhase.ATTACHED);
    console.output(r.target().service() + ": re-attached to " + r.endpoint().describe() + " in "
        + (System.nanoTime() - t0) / 1_000_000 + " ms; breakpoints restored.");
  }

  private void submit(Runnable r) {
    try {
      work.execute(r);
    } catch (RejectedExecutionException ignored) {
      // session ended
    }
  }
}
