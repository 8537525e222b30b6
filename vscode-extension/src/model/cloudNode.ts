// The tree's "Cloud" node, drawn from the status snapshot's cloud section (what publish created on DigitalOcean, as
// the server last saw it). Pure (no vscode import).
import { CloudStatus } from '../protocol';
import type { TreeNode } from './treeNode';

/** The commands the node's rows run when clicked (nothing published yet). */
export const PLAN_COMMAND = 'hostk8s.vscode.publish.plan';
export const SET_TOKEN_COMMAND = 'hostk8s.vscode.setDigitalOceanToken';

const ICONS: Record<string, string> = {
  provisioning: 'sync~spin', running: 'pass', degraded: 'warning', error: 'error', deleting: 'sync~spin', deleted: 'trash',
};

/** Something of ours exists (or is being created or deleted) on DigitalOcean: status and teardown apply. */
export function isPublished(c: CloudStatus | null | undefined): c is CloudStatus {
  return !!c && c.state !== 'none' && c.state !== 'deleted';
}

export function money(usd: number): string {
  return `$${usd.toFixed(2)}`;
}

const leaf = (id: string, label: string, description?: string, icon?: string): TreeNode =>
  ({ id, label, description, icon, children: [] });

/** The row's contextValue: `hostk8s.cloud`, then `published` when status and teardown apply (see treeActions). */
export function cloudContext(c: CloudStatus | null | undefined): string {
  return isPublished(c) ? 'hostk8s.cloud published' : 'hostk8s.cloud';
}

export function cloudNode(c: CloudStatus | null | undefined): TreeNode {
  const contextValue = cloudContext(c);
  if (!c || c.state === 'none') {
    return { id: 'cloud', label: 'Cloud', description: 'DigitalOcean: nothing published', icon: 'cloud', contextValue, target: {}, children: [
      { ...leaf('cloud/plan', 'Plan publish', 'what it creates and costs', 'checklist'), command: PLAN_COMMAND },
      { ...leaf('cloud/token', 'Set DigitalOcean Token', 'kept in secret storage', 'key'), command: SET_TOKEN_COMMAND },
    ] };
  }
  const children: TreeNode[] = [];
  if (c.lastError) children.push(leaf('cloud/error', 'Last error', c.lastError, 'warning'));
  if (c.message) children.push(leaf('cloud/message', 'DigitalOcean says', c.message, 'info'));
  const app = c.app;
  const debugging = app?.debugging ?? [];
  // a dev image or debugger in production must not be forgotten: a warning row per service, first
  debugging.forEach((line, i) => children.push(leaf(`cloud/debug/${i}`, 'Debug mode', line, 'warning')));
  if (app) {
    const https = app.httpsOk === true ? 'answers over HTTPS' : app.httpsOk === false ? 'HTTPS check failed' : undefined;
    children.push(leaf('cloud/url', 'App', [app.url, https].filter(Boolean).join(' · '), app.httpsOk === false ? 'warning' : 'link-external'));
    if (typeof app.servicesTotal === 'number') {
      children.push(leaf('cloud/services', 'Services', `${app.servicesReady ?? 0}/${app.servicesTotal} ready`,
        app.servicesReady === app.servicesTotal ? 'pass' : 'warning'));
    }
    if (app.loadBalancerIp) {
      children.push(leaf('cloud/lb', 'Load balancer', [app.loadBalancerIp, app.loadBalancerState].filter(Boolean).join(' · '), 'server'));
    }
    if (app.dnsResolves === false) children.push(leaf('cloud/dns', 'DNS', `${app.host} resolves elsewhere`, 'warning'));
    if (app.certificateReady === false) children.push(leaf('cloud/cert', 'Certificate', 'not issued yet', 'warning'));
  }
  if (typeof c.nodesTotal === 'number') children.push(leaf('cloud/nodes', 'Nodes', `${c.nodesReady ?? 0}/${c.nodesTotal} ready`, 'server-environment'));
  if (c.region) children.push(leaf('cloud/region', 'Region', c.region, 'globe'));
  if (c.registry) {
    const pull = c.registryIntegrated === true ? 'pull access' : c.registryIntegrated === false ? 'no pull access yet' : undefined;
    children.push(leaf('cloud/registry', 'Registry', [c.registry, pull].filter(Boolean).join(' · '), 'package'));
  }
  if (typeof c.monthlyUsd === 'number') children.push(leaf('cloud/cost', 'Cost', `${money(c.monthlyUsd)}/month (estimate)`, 'credit-card'));
  if (c.kubeconfig) children.push(leaf('cloud/kubeconfig', 'Kubeconfig', c.kubeconfig, 'file'));
  const name = c.cluster ?? 'DigitalOcean';
  return {
    id: 'cloud', label: 'Cloud', description: `DigitalOcean ${name}: ${c.state}${debugging.length ? ' · DEBUG MODE' : ''}`,
    icon: debugging.length ? 'debug-alt' : ICONS[c.state] ?? 'cloud',
    tooltip: [c.lastError ? `Last error: ${c.lastError}` : undefined, c.updatedAt ? `As of ${c.updatedAt}` : undefined]
      .filter(Boolean).join('\n') || undefined,
    contextValue, target: {}, children,
  };
}
