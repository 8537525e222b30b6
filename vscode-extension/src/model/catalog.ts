// VS Code command ids ↔ server command ids. Titles, arguments and result views come from the server
// (`hostk8s/commands`); the palette entries themselves are the manifest's (package.json contributes.commands). Pure.

import { TREE_ACTIONS } from './treeActions';

const PALETTE_PREFIX = 'hostk8s.vscode.';
const SERVER_PREFIX = 'hostk8s.';

/** Contributed commands the client implements itself (no server command behind them). */
export const CLIENT_COMMANDS: readonly string[] = [
  'hostk8s.vscode.refresh', 'hostk8s.vscode.restartServer', 'hostk8s.vscode.showOutput', 'hostk8s.vscode.statusMenu',
  'hostk8s.vscode.openUrl', 'hostk8s.vscode.openTutorial', 'hostk8s.vscode.setDigitalOceanToken', 'hostk8s.vscode.clearDigitalOceanToken',
  'hostk8s.vscode.debug',
  ...TREE_ACTIONS.map(a => a.id),
];

export const DEBUG_ENDPOINT_COMMAND = 'hostk8s.debug.endpoint';
/** Named by the server (the "Debug" code lens on hostk8s.dev.yaml), implemented here: `{service}` → debug session. */
export const CLIENT_DEBUG_SERVICE = 'hostk8s.client.debugService';
/** Named by the server (the "Sync" and "Deploy" code lenses), implemented here: `{command, arguments}` → run it like the palette. */
export const CLIENT_RUN = 'hostk8s.client.run';

/** The `{command, arguments}` of a CLIENT_RUN call, or undefined when malformed. */
export function runRequest(arg: unknown): { command: string; arguments: Record<string, unknown> } | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const { command, arguments: args } = arg as { command?: unknown; arguments?: unknown };
  if (typeof command !== 'string' || !command) return undefined;
  const given = args && typeof args === 'object' && !Array.isArray(args) ? args as Record<string, unknown> : {};
  return { command, arguments: { ...given } };
}

/** `hostk8s.vscode.sync.start` → `hostk8s.sync.start`; undefined for client-only and foreign ids. */
export function serverIdFor(vscodeId: string): string | undefined {
  if (!vscodeId.startsWith(PALETTE_PREFIX) || CLIENT_COMMANDS.includes(vscodeId)) return undefined;
  return SERVER_PREFIX + vscodeId.slice(PALETTE_PREFIX.length);
}

export function vscodeIdFor(serverId: string): string {
  return PALETTE_PREFIX + serverId.replace(/^hostk8s\./, '');
}

/** The palette entries backed by a server command, from the manifest's contributed command ids. */
export function paletteCommands(contributed: readonly string[]): { id: string; server: string }[] {
  return contributed.flatMap(id => {
    const server = serverIdFor(id);
    return server ? [{ id, server }] : [];
  });
}

/** Context key that is true while the running server announces and describes `serverCommand`. */
export function contextKeyFor(serverCommand: string): string {
  return 'hostk8s.announced.' + serverCommand.replace(/^hostk8s\./, '');
}

/** Server commands a client can offer: announced (executeCommandProvider) and described (`hostk8s/commands`). */
export function available<T extends { id: string }>(announced: ReadonlySet<string>, described: readonly T[]): Map<string, T> {
  return new Map(described.filter(d => announced.has(d.id)).map(d => [d.id, d]));
}
