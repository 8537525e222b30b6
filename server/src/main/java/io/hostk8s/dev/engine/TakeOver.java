package io.hostk8s.dev.engine;

import io.hostk8s.dev.protocol.commands.results.DebugEndpoint;
import java.util.List;

/**
 * A front end took the workspace's engine over: the owner {@code formerOwnerPid} went away, and this front end now
 * owns the engine ({@code owner}) or is attached to the front end that won ({@code ownerPid}). {@code restarted} and
 * {@code failed} say which of its work it started again ("sync vote", "forward vote/http", "logs -f vote",
 * "dev dev-1", "debug endpoint"); {@code debugEndpoint} is the new adapter's address when this front end had asked
 * for it (a secret: its token is never logged), else null. {@code tookOverMs}: from the owner going away to this front
 * end owning or attached to the engine again; {@code restartMs}: then until its work ran again.
 */
public record TakeOver(long formerOwnerPid, boolean owner, long ownerPid, List<String> restarted, List<String> failed,
    DebugEndpoint debugEndpoint, long tookOverMs, long restartMs) {
  public TakeOver {
    restarted = List.copyOf(restarted);
    failed = List.copyOf(failed);
  }

  /** One line for people, e.g. "The workspace's engine (pid 41) stopped; this window now runs it and restarted sync vote." */
  public String text() {
    String who = owner ? "this front end now runs it" : "this front end uses the new one (pid " + ownerPid + ")";
    String work = restarted.isEmpty() ? "" : "; restarted " + String.join(", ", restarted);
    String bad = failed.isEmpty() ? "" : "; could not restart " + String.join("; ", failed);
    return "The workspace's engine (pid " + formerOwnerPid + ") stopped; " + who + work + bad + ".";
  }
}
