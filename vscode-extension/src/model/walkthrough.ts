// The walkthrough's completion: a step is ticked when its command succeeded, through a context key the client sets
// from the result (contributes.walkthroughs completionEvents `onContext:<key>`), never on the click alone. Pure.
import { vscodeIdFor } from './catalog';

const DONE_PREFIX = 'hostk8s.done.';

/** `hostk8s.vscode.sandbox.up` → `hostk8s.done.sandbox.up`: true once that command succeeded in this window. */
export function doneKey(vscodeId: string): string {
  return DONE_PREFIX + vscodeId.replace(/^hostk8s\.vscode\./, '');
}

/** The done key of a server command (however it was run: palette, walkthrough, code lens, a fix button). */
export function doneKeyForServer(serverId: string): string {
  return doneKey(vscodeIdFor(serverId));
}

/** A command succeeded when it did not fail and its result is not a warning (e.g. doctor with failed checks). */
export function succeeded(failed: boolean, warning: boolean): boolean {
  return !failed && !warning;
}
