// Turns command errors into what a person sees: one line of the server's message and its fixes as buttons
// (results: resultView.ts). Pure.
import { Fix } from '../protocol';

export interface RpcErrorLike {
  code?: number; message?: unknown;
  data?: { code?: number; name?: string; suggestions?: unknown; fixes?: unknown };
}

export const REQUEST_CANCELLED = -32800;
/** Longer messages are cut (at a sentence or word end) in the notification; the output has them whole. */
export const MAX_TOAST_CHARS = 240;

export interface ErrorView {
  /** The notification's text. */
  text: string;
  /** A cancellation (an information, not an error). */
  cancelled: boolean;
  /** The server's fixes, offered as buttons that run their command. */
  fixes: Fix[];
  /** Lines for the output channel: the whole message, the code and every text suggestion. */
  detail: string[];
  /** The notification leaves something out that the output has (a cut message or text suggestions). */
  more: boolean;
}

/** The well-formed fixes of a value (the server's `fixes`): title, command and arguments (an array, default none). */
export function fixesOf(v: unknown): Fix[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap(f => {
    const o = f as Partial<Fix> | null;
    if (!o || typeof o.title !== 'string' || !o.title || typeof o.command !== 'string' || !o.command) return [];
    return [{ title: o.title, command: o.command, arguments: Array.isArray(o.arguments) ? o.arguments : [] }];
  });
}

/** One line (whitespace collapsed) ending with one full stop (or its own ! ? …). */
export function sentence(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  return one === '' ? '' : /[!?…:]$/.test(one) ? one : `${one}.`;
}

/** `s` cut to `max` characters at a sentence end, else a word end, with "…". */
export function shorten(s: string, max = MAX_TOAST_CHARS): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  const stop = head.lastIndexOf('. ');
  if (stop > max / 2) return head.slice(0, stop + 1);
  const space = head.lastIndexOf(' ');
  return `${head.slice(0, space > max / 2 ? space : max - 1).replace(/[\s,;:.]+$/, '')}…`;
}

function messageOf(e: unknown): string {
  const m = (e as RpcErrorLike)?.message;
  if (typeof m === 'string' && m.trim()) return m;
  if (typeof e === 'string' && e.trim()) return e;
  return 'unknown error (see "HostK8s: Show Server Output")';
}

export function errorView(title: string, e: unknown): ErrorView {
  const err = e as RpcErrorLike;
  // The server answers -32800; vscode-languageclient turns a cancelled request into a CancellationError ('Canceled').
  if (err?.code === REQUEST_CANCELLED || (e as Error)?.name === 'Canceled') {
    return { text: `HostK8s: ${title} was cancelled.`, cancelled: true, fixes: [], detail: [], more: false };
  }
  const whole = sentence(messageOf(e));
  const suggestions = Array.isArray(err?.data?.suggestions) ? err!.data!.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const fixes = fixesOf(err?.data?.fixes);
  const message = shorten(whole);
  // Without a button, the first suggestion is the fix the person reads; with buttons, they are the fix.
  const hint = !fixes.length && suggestions.length ? shorten(sentence(suggestions[0]), Math.max(80, MAX_TOAST_CHARS - message.length)) : '';
  const text = `HostK8s: ${title} failed: ${message}${hint ? ` Fix: ${hint}` : ''}`;
  const code = err?.data?.name ? ` [${err.data.name}${err.data.code ? ` ${err.data.code}` : ''}]` : '';
  const detail = [`${title} failed${code}: ${whole}`, ...suggestions.map(s => `  fix: ${s}`)];
  const more = message !== whole || suggestions.length > (hint && hint === sentence(suggestions[0]) ? 1 : 0);
  return { text, cancelled: false, fixes, detail, more };
}

/** The notification's text alone. */
export function errorText(title: string, e: unknown): string {
  return errorView(title, e).text;
}
