// Status bar text, tooltip and click menu computed from a StatusSnapshot. Pure (no vscode import).
import { BusyInfo, StatusSnapshot } from '../protocol';
import { vscodeIdFor } from './catalog';

export type ServerState = 'starting' | 'running' | 'stopped';

const ICONS: Record<string, string> = {
  running: '$(server-environment)', degraded: '$(warning)', stopped: '$(circle-slash)', unknown: '$(question)',
};

export function busyLabel(busy: BusyInfo): string | undefined {
  if (!busy) return undefined;
  if (typeof busy === 'string') return busy;
  return busy.title ?? busy.message ?? busy.command ?? 'busy';
}

export function readyCount(s: StatusSnapshot): { ready: number; total: number } {
  const ready = s.services.filter(x => x.total > 0 && x.ready >= x.total).length;
  return { ready, total: s.services.length };
}

/** Largest "last sync latency" over the services, if any service has synced. */
export function lastSyncLatency(s: StatusSnapshot): number | undefined {
  const values = s.services.map(x => x.sync?.lastLatencyMs).filter((v): v is number => typeof v === 'number');
  return values.length ? Math.max(...values) : undefined;
}

/** Largest "last save → serving" over the services, if any save was seen served. */
export function lastServing(s: StatusSnapshot): number | undefined {
  const values = s.services.map(x => x.sync?.lastServingMs).filter((v): v is number => typeof v === 'number');
  return values.length ? Math.max(...values) : undefined;
}

/** `localBusy`: title of a long command this window is running (shown until the server reports its own busy state). */
export function statusBarText(server: ServerState, s?: StatusSnapshot, localBusy?: string): string {
  if (server === 'starting') return '$(sync~spin) HostK8s: starting';
  if (server === 'stopped') return '$(error) HostK8s: server stopped';
  if (!s) return '$(sync~spin) HostK8s: reading status';
  const busy = busyLabel(s.busy) ?? localBusy;
  const state = s.cluster.state;
  const where = s.cluster.target === 'digitalocean' ? ' $(cloud) DigitalOcean' : '';
  const parts = [`${busy ? '$(sync~spin)' : ICONS[state] ?? ICONS.unknown} HostK8s${where}: ${state}`];
  if (state === 'running' || state === 'degraded') {
    const { ready, total } = readyCount(s);
    parts.push(`${ready}/${total} ready`);
  }
  const latency = lastSyncLatency(s);
  if (latency !== undefined) parts.push(`sync ${latency} ms`);
  const serving = lastServing(s);
  if (serving !== undefined) parts.push(`serving ${serving} ms`);
  if (busy) parts.push(busy);
  return parts.join(' · ');
}

/** Which cluster the status is about: the published one on DigitalOcean, the sandbox, or the local cluster. */
export function targetLabel(s: StatusSnapshot): string {
  const t = s.cluster.target;
  return t === 'digitalocean' ? 'DigitalOcean (the published cluster)' : t === 'sandbox' ? 'local (the sandbox)' : 'local cluster';
}

/** `12m CPU · 40.0 MiB`. */
export function metricsText(m: { cpuMillicores: number; memoryBytes: number }): string {
  return `${m.cpuMillicores}m CPU · ${(m.memoryBytes / 1048576).toFixed(1)} MiB`;
}

export function statusTooltip(server: ServerState, s?: StatusSnapshot): string {
  if (!s) return server === 'stopped' ? 'The HostK8s server is not running. Click for actions.' : 'HostK8s';
  const c = s.cluster;
  const lines = [`Cluster ${c.name ?? ''}: ${c.state}${c.reason ? ` (${c.reason})` : ''}`,
    `Target: ${targetLabel(s)}`];
  if (s.cloud?.monthlyUsd != null && s.cloud.state !== 'none') lines.push(`DigitalOcean: about $${s.cloud.monthlyUsd.toFixed(2)}/month`);
  if (c.context) lines.push(`Context ${c.context} at ${c.server ?? '?'}`);
  for (const x of s.services) {
    lines.push(`${x.name}: ${x.ready}/${x.total}${x.reason ? ` — ${x.reason}` : ''}${x.metrics ? ` · ${metricsText(x.metrics)}` : ''}`);
  }
  if (s.engine) lines.push(`Engine: ${s.engine.mode}${s.engine.pid ? ` (pid ${s.engine.pid})` : ''}`);
  return lines.join('\n');
}

export interface QuickAction { label: string; description?: string; command: string; args?: unknown[] }

/** The click menu: what makes sense in this state, limited to the commands the server offers (titles are its own). */
export function quickActions(s: StatusSnapshot | undefined, commands: ReadonlyMap<string, { title: string }>): QuickAction[] {
  const state = s?.cluster.state ?? 'unknown';
  const up = state === 'running' || state === 'degraded';
  const wanted = up
    ? ['hostk8s.up', 'hostk8s.deploy', 'hostk8s.status', 'hostk8s.logs.follow', 'hostk8s.sync.start', 'hostk8s.sandbox.down', 'hostk8s.cluster.stop', 'hostk8s.doctor']
    : ['hostk8s.cluster.start', 'hostk8s.sandbox.up', 'hostk8s.up', 'hostk8s.status', 'hostk8s.doctor'];
  const actions: QuickAction[] = [];
  for (const server of wanted) {
    const c = commands.get(server);
    if (c) actions.push({ label: c.title, command: vscodeIdFor(server) });
  }
  for (const f of s?.forwards ?? []) {
    if (f.url && f.state === 'active') {
      actions.push({ label: `$(link-external) Open ${f.service}`, description: f.url, command: 'hostk8s.vscode.openUrl', args: [f.url] });
    }
  }
  actions.push({ label: 'Show Server Output', command: 'hostk8s.vscode.showOutput' });
  actions.push({ label: 'Restart Server', command: 'hostk8s.vscode.restartServer' });
  return actions;
}
