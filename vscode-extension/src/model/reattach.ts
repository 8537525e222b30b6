// Debug sessions lost with the engine's owner, to start again after the server took the engine over. Pure.
//
// A `hostk8s` session's DAP connection goes to the debug adapter of the process that owns the workspace's engine. When
// that process goes away (another window closed, `hostk8s-dev dev` stopped in a terminal, or killed), the connection
// ends with it: after a clean stop the adapter says why and sends `terminated`; after a kill it just closes. The
// server then takes the engine over and sends the `hostk8s/event` TAKEOVER_EVENT; the extension starts again each
// session that ended without its person stopping it, shortly before.
import { HostK8sEvent } from '../protocol';

export const TAKEOVER_EVENT = 'engine.takeover';
/** A session that ended this long before the take-over notice is not brought back. */
export const REATTACH_WINDOW_MS = 30_000;

interface Tracked<C> { config: C; userStopped: boolean; adapterTerminated: boolean; endedAt?: number }

export class LostSessions<C extends object> {
  private readonly sessions = new Map<string, Tracked<C>>();

  started(id: string, config: C): void {
    this.sessions.set(id, { config, userStopped: false, adapterTerminated: false });
  }

  /** A request VS Code sends the adapter: `disconnect`/`terminate` before the adapter ended = its person stopped it. */
  toAdapter(id: string, command: string | undefined): void {
    const s = this.sessions.get(id);
    if (s && !s.adapterTerminated && (command === 'disconnect' || command === 'terminate')) s.userStopped = true;
  }

  /** An event from the adapter (`terminated`: the adapter ended the session, e.g. its engine stopped). */
  fromAdapter(id: string, event: string | undefined): void {
    const s = this.sessions.get(id);
    if (s && event === 'terminated') s.adapterTerminated = true;
  }

  ended(id: string, now: number): void {
    const s = this.sessions.get(id);
    if (!s) return;
    if (s.userStopped) this.sessions.delete(id);
    else s.endedAt = now;
  }

  /**
   * After a take-over: the configurations of the sessions that ended by themselves at most `withinMs` ago (each once;
   * without the old adapter's token: the new endpoint gives its own), and forgets every ended one.
   */
  toReattach(now: number, withinMs = REATTACH_WINDOW_MS): C[] {
    const out: C[] = [];
    for (const [id, s] of this.sessions) {
      if (s.endedAt === undefined) continue;
      if (now - s.endedAt <= withinMs) {
        const { token: _old, ...config } = s.config as C & { token?: unknown };
        out.push(config as C);
      }
      this.sessions.delete(id);
    }
    return out;
  }
}

export function isTakeOver(e: HostK8sEvent | undefined | null): boolean {
  return e?.type === TAKEOVER_EVENT;
}

/** The Debug Console line for a session started again, e.g. "HostK8s: engine restarted (…); re-attaching Debug vote." */
export function reattachLine(e: HostK8sEvent, name: string): string {
  const d = (e.data ?? {}) as { formerOwnerPid?: number; ownerPid?: number };
  const from = d.formerOwnerPid ? ` (owner pid ${d.formerOwnerPid} went away` + (d.ownerPid ? `, now pid ${d.ownerPid})` : ')') : '';
  return `HostK8s: engine restarted${from}; re-attaching "${name}".`;
}
