// The palette commands and the server commands behind them. Pure data + helpers.

export interface PaletteCommand {
  /** VS Code command id (contributed in package.json). */
  id: string;
  /** Server command (workspace/executeCommand); the palette entry is visible only when the server announces it. */
  server: string;
  title: string;
  /** Long-running: shown as a notification with progress and Cancel. */
  long: boolean;
  /** Asks for a service (quick pick) and passes `{service}`. */
  service?: boolean;
}

const c = (suffix: string, title: string, long = false, service = false): PaletteCommand =>
  ({ id: `hostk8s.vscode.${suffix}`, server: `hostk8s.${suffix}`, title, long, service });

export const PALETTE_COMMANDS: PaletteCommand[] = [
  c('status', 'Show Status'),
  c('doctor', 'Doctor (Check Environment)', true),
  c('config.show', 'Show Configuration'),
  c('sandbox.up', 'Start Sandbox', true),
  c('sandbox.down', 'Stop Sandbox', true),
  c('cluster.start', 'Start Cluster', true),
  c('cluster.stop', 'Stop Cluster', true),
  c('cluster.status', 'Cluster Status'),
  c('up', 'Up (Start, Build, Deploy)', true),
  c('build', 'Build Images', true),
  c('deploy', 'Deploy', true),
  c('sync.start', 'Start Sync', false, true),
  c('sync.stop', 'Stop Sync', false, true),
  c('sync.explain', 'Explain Sync for File'),
  c('run.local', 'Run Service Locally', true, true),
  c('logs.follow', 'Show Service Logs', false, true),
  c('forward.start', 'Port-Forward Service', false, true),
  c('forward.stop', 'Stop Port-Forward', false, true),
  c('logs.stop', 'Stop Service Logs', false, true),
  c('run.stop', 'Stop Local Run', false, true),
];

export const DEBUG_ENDPOINT_COMMAND = 'hostk8s.debug.endpoint';

/** Context key that is true while the running server announces `serverCommand`. */
export function contextKeyFor(serverCommand: string): string {
  return 'hostk8s.announced.' + serverCommand.replace(/^hostk8s\./, '');
}

/** Every context key the extension manages, so stale ones can be cleared on restart. */
export function allContextKeys(): string[] {
  return [...PALETTE_COMMANDS.map(p => p.server), DEBUG_ENDPOINT_COMMAND].map(contextKeyFor);
}

export function byServerCommand(server: string): PaletteCommand | undefined {
  return PALETTE_COMMANDS.find(p => p.server === server);
}
