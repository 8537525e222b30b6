// Turns command errors into user-facing text (results: resultView.ts). Pure.

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
