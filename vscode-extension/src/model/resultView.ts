// Turns a command result into what to show, following the server's ResultView. Pure (no vscode import).
import { Fix, ResultView } from '../protocol';
import { fixesOf } from './results';

/** The value at `path` (`a` or `a.b.c`) of a JSON value, or undefined. */
export function fieldAt(value: unknown, path: string | null | undefined): unknown {
  if (!path) return undefined;
  let v: unknown = value;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function text(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map(x => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x))).join(', ') : '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** `{field}` and `{field.sub}` replaced by the result's values (absent ones by —). */
export function fillTemplate(template: string, result: unknown): string {
  return template.replace(/\{([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\}/g, (_m, path: string) => text(fieldAt(result, path)));
}

export interface Presentation {
  /** message | document | status | logs (an unknown view is shown as a message). */
  show: 'message' | 'document' | 'status' | 'logs';
  /** The notification text, starting with "HostK8s". */
  text: string;
  warning: boolean;
  /** Lines for the output channel. */
  lines: string[];
  /** Those of the lines that report a problem (logged as warnings). */
  problems: string[];
  /** Buttons that run the server's fixing commands. */
  fixes: Fix[];
  url?: string;
  /** The label of the button that opens `url`, e.g. "Open vote". */
  urlLabel: string;
  /** A debug configuration to start as-is. */
  debug?: Record<string, unknown>;
  /** For `logs`: the service whose log view to reveal. */
  service?: string;
}

function lines(v: unknown): string[] {
  if (typeof v === 'string') return v.split('\n');
  if (!Array.isArray(v)) return [];
  return v.map(x => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)));
}

export function present(view: ResultView | undefined, result: unknown, args: Readonly<Record<string, unknown>>,
  title: string): Presentation {
  const show = (['message', 'document', 'status', 'logs'] as const).find(s => s === view?.show) ?? 'message';
  const summary = view?.summary ? fillTemplate(view.summary, result) : `${title} done.`;
  const url = fieldAt(result, view?.url);
  const debug = fieldAt(result, view?.debug);
  const service = args.service ?? fieldAt(result, 'service');
  return {
    show,
    text: /^HostK8s\b/.test(summary) ? summary : `HostK8s: ${summary}`,
    warning: view?.okField ? fieldAt(result, view.okField) === false : false,
    lines: lines(fieldAt(result, view?.lines)),
    problems: lines(fieldAt(result, view?.problems)),
    fixes: fixesOf(fieldAt(result, view?.fixes)),
    url: typeof url === 'string' && url ? url : undefined,
    urlLabel: view?.urlLabel ? fillTemplate(view.urlLabel, result) : 'Open in Browser',
    debug: debug && typeof debug === 'object' && !Array.isArray(debug) ? debug as Record<string, unknown> : undefined,
    service: typeof service === 'string' ? service : undefined,
  };
}
