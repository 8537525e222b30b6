// The activity-bar tree as plain data, built from a StatusSnapshot. Pure (no vscode import).
import { ServiceStatus, StatusSnapshot } from '../protocol';
import { cloudNode } from './cloudNode';
import { busyLabel, metricsText, targetLabel } from './statusText';
import type { TreeNode } from './treeNode';

export type { TreeNode } from './treeNode';

/** The row's contextValue: its kind, then its facts (see TreeNode.contextValue). */
export function contextValue(kind: 'service' | 'pod', facts: { dev: boolean; http?: boolean }): string {
  return [`hostk8s.${kind}`, ...(facts.dev ? ['dev'] : []), ...(facts.http ? ['http'] : [])].join(' ');
}

const leaf = (id: string, label: string, description?: string, icon?: string, url?: string): TreeNode =>
  ({ id, label, description, icon, url, children: [] });

export function clusterNode(s: StatusSnapshot): TreeNode {
  const c = s.cluster;
  const children: TreeNode[] = [];
  if (c.nodesTotal !== undefined) children.push(leaf('cluster/nodes', 'Nodes', `${c.nodesReady ?? 0}/${c.nodesTotal} ready`, 'vm'));
  if (c.context) children.push(leaf('cluster/context', 'Context', c.context, 'symbol-namespace'));
  if (c.server) children.push(leaf('cluster/server', 'API server', c.server, 'globe'));
  if (c.kubeconfig) children.push(leaf('cluster/kubeconfig', 'Kubeconfig', c.kubeconfig, 'file'));
  if (c.reason) children.push(leaf('cluster/reason', 'Reason', c.reason, 'info'));
  if (s.engine) children.push(leaf('cluster/engine', 'Engine', `${s.engine.mode}${s.engine.pid ? ` (pid ${s.engine.pid})` : ''}`, 'gear'));
  children.push(leaf('cluster/target', 'Target', targetLabel(s), c.target === 'digitalocean' ? 'cloud' : 'home'));
  const busy = busyLabel(s.busy);
  const icon = busy ? 'sync~spin' : c.state === 'running' ? 'pass' : c.state === 'degraded' ? 'warning' : c.state === 'stopped' ? 'circle-slash' : 'question';
  return { id: 'cluster', label: `Cluster ${c.name ?? ''}`.trim(), description: busy ? `${c.state} · ${busy}` : c.state, tooltip: c.reason ?? undefined, icon, children };
}

export function serviceNode(s: StatusSnapshot, svc: ServiceStatus): TreeNode {
  const id = `service/${svc.name}`;
  const dev = svc.dev !== false;
  const ready = svc.total > 0 && svc.ready >= svc.total;
  const children: TreeNode[] = [];
  children.push(leaf(`${id}/ready`, 'Ready', `${svc.ready}/${svc.total}`, ready ? 'pass' : 'circle-large-outline'));
  if (svc.reason) children.push(leaf(`${id}/reason`, 'Reason', svc.reason, 'warning'));
  for (const pod of svc.pods) {
    children.push({ ...leaf(`${id}/pod/${pod}`, pod, 'pod', 'package'), contextValue: contextValue('pod', { dev }), target: { service: svc.name, pod } });
  }
  if (svc.metrics) children.push(leaf(`${id}/metrics`, 'Usage', metricsText(svc.metrics), 'pulse'));
  if (svc.sync && dev) {
    const lat = typeof svc.sync.lastLatencyMs === 'number' ? ` · last ${svc.sync.lastLatencyMs} ms` : '';
    const pct = typeof svc.sync.p95Ms === 'number' ? ` · p95 ${svc.sync.p95Ms} ms` : '';
    children.push(leaf(`${id}/sync`, 'Sync', `${svc.sync.state}${lat}${pct}`, svc.sync.state === 'off' ? 'sync-ignored' : 'sync'));
    if (typeof svc.sync.lastServingMs === 'number') {
      const sp = typeof svc.sync.servingP50Ms === 'number' ? ` · p50 ${svc.sync.servingP50Ms} ms · p95 ${svc.sync.servingP95Ms} ms` : '';
      children.push(leaf(`${id}/serving`, 'Save → serving', `last ${svc.sync.lastServingMs} ms${sp}`, 'zap'));
    }
  }
  const forwards = (s.forwards ?? []).filter(f => f.service === svc.name);
  for (const f of forwards) {
    // a link only where the server says the forward is a web page (its url); a debugger's port is shown, not linked
    const url = f.url ?? undefined;
    const local = url ?? `127.0.0.1:${f.localPort}`;
    children.push(leaf(`${id}/forward/${f.name ?? f.remotePort}`, `Forward ${f.name ?? f.remotePort}`,
      `${local} → ${f.remotePort} (${f.state})`, url ? 'link-external' : 'plug', url && f.state === 'active' ? url : undefined));
  }
  for (const d of (s.debugSessions ?? []).filter(d => d.service === svc.name)) {
    children.push(leaf(`${id}/debug/${d.id}`, `Debug ${d.runtime ?? ''}`.trim(), d.state, 'debug-alt'));
  }
  const http = forwards.find(f => f.url && f.state === 'active')?.url ?? undefined;
  const state = svc.total > 0 ? `${svc.ready}/${svc.total} ready` : (svc.reason ?? 'not deployed');
  const description = dev ? state : `${state} · manifests`;
  const tooltip = [svc.reason, dev ? undefined : 'From the manifests (not a service of hostk8s.dev.yaml)'].filter(Boolean).join('\n') || undefined;
  const icon = ready ? 'pass' : svc.total > 0 ? 'sync~spin' : 'circle-large-outline';
  return { id, label: svc.name, description, tooltip, icon, contextValue: contextValue('service', { dev, http: !!http }),
    target: { service: svc.name, url: http }, children };
}

/** Cluster, services, and the Cloud node when the server offers publishing (`offered`) or has a cloud section. */
export function buildTree(s: StatusSnapshot | undefined, offered: (command: string) => boolean = () => false): TreeNode[] {
  if (!s) return [];
  const services: TreeNode = {
    id: 'services', label: 'Services', icon: 'layers',
    description: `${s.services.filter(x => x.total > 0 && x.ready >= x.total).length}/${s.services.length} ready`,
    children: s.services.map(svc => serviceNode(s, svc)),
  };
  const cloud = s.cloud || offered('hostk8s.publish.plan') ? [cloudNode(s.cloud)] : [];
  return [clusterNode(s), services, ...cloud];
}
