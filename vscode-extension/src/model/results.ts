// Turns command results and errors into user-facing text. Pure.

export interface DoctorCheck { name: string; ok: boolean; required?: boolean; detail?: string; fix?: string }
export interface DoctorResult { ok: boolean; checks: DoctorCheck[] }

export function doctorLines(r: DoctorResult): string[] {
  return r.checks.map(c => `${c.ok ? '✔' : c.required === false ? '⚠' : '✘'} ${c.name}${c.detail ? `: ${c.detail}` : ''}${!c.ok && c.fix ? ` — fix: ${c.fix}` : ''}`);
}

export function doctorSummary(r: DoctorResult): string {
  const ok = r.checks.filter(c => c.ok).length;
  return `HostK8s doctor: ${ok}/${r.checks.length} checks ok${r.ok ? '' : ' — required checks failed'}`;
}

export interface RpcErrorLike { code?: number; message?: string; data?: { code?: number; name?: string; suggestions?: string[] } }

export const REQUEST_CANCELLED = -32800;

export function errorText(title: string, e: unknown): string {
  const err = e as RpcErrorLike;
  // The server answers -32800; vscode-languageclient turns a cancelled request into a CancellationError ('Canceled').
  if (err?.code === REQUEST_CANCELLED || (e as Error)?.name === 'Canceled') return `HostK8s: ${title} was cancelled.`;
  const name = err?.data?.name ? ` [${err.data.name}${err.data.code ? ` ${err.data.code}` : ''}]` : '';
  const fixes = err?.data?.suggestions?.length ? ` Fix: ${err.data.suggestions.join(' / ')}` : '';
  return `HostK8s: ${title} failed${name}: ${err?.message ?? String(e)}.${fixes}`;
}
