// The target switch as the client shows it: the palette entry comes from the server's list (like every command),
// and the status bar, its tooltip and the tree say which cluster they are about — plus each service's CPU/memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusSnapshot } from '../src/protocol';
import { contextKeyFor, paletteCommands } from '../src/model/catalog';
import { statusBarText, statusTooltip } from '../src/model/statusText';
import { buildTree, TreeNode } from '../src/model/tree';

const root = path.join(__dirname, '..', '..');
const fixture = (name: string): StatusSnapshot =>
  JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', name), 'utf8'));
const find = (nodes: TreeNode[], id: string): TreeNode | undefined => {
  for (const n of nodes) { if (n.id === id) return n; const c = find(n.children, id); if (c) return c; }
  return undefined;
};

/** The sandbox fixture as the server reports it once the workspace's target is the published cluster. */
function onTheCloud(): StatusSnapshot {
  const s = fixture('status-sandbox-running.json');
  s.cluster = { ...s.cluster, target: 'digitalocean', kubeconfig: '/ws/.hostk8s/publish/voting.kubeconfig' };
  s.services = s.services.map(x => ({ ...x, ready: 1, total: 1, pods: [`${x.name}-abc`], reason: null,
    metrics: { cpuMillicores: 12, memoryBytes: 41943040, pods: 1 } }));
  s.cloud = { provider: 'digitalocean', state: 'recorded', cluster: 'voting', monthlyUsd: 63.1 } as StatusSnapshot['cloud'];
  return s;
}

test('the server\'s hostk8s.target.set is a palette entry, shown while the server offers it', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const entry = paletteCommands(pkg.contributes.commands.map((c: { command: string }) => c.command))
    .find(p => p.server === 'hostk8s.target.set');
  assert.equal(entry?.id, 'hostk8s.vscode.target.set');
  const when = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === entry!.id).when;
  assert.equal(when, contextKeyFor('hostk8s.target.set'));
  const described = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'commands.json'), 'utf8'));
  const list = Array.isArray(described) ? described : described.commands;
  const target = list.find((c: { id: string }) => c.id === 'hostk8s.target.set');
  assert.ok(target, 'the captured server command list describes hostk8s.target.set');
  assert.deepEqual(target.arguments[0].choices, ['local', 'digitalocean']);
});

test('on the cloud target the status bar, tooltip and tree say DigitalOcean, with usage and the monthly cost', () => {
  const s = onTheCloud();
  assert.equal(statusBarText('running', s), '$(server-environment) HostK8s $(cloud) DigitalOcean: running · 3/3 ready');
  const tip = statusTooltip('running', s);
  assert.match(tip, /Target: DigitalOcean \(the published cluster\)/);
  assert.match(tip, /about \$63\.10\/month/);
  assert.match(tip, /vote: 1\/1 · 12m CPU · 40\.0 MiB/);
  const tree = buildTree(s);
  assert.equal(find(tree, 'cluster/target')?.description, 'DigitalOcean (the published cluster)');
  assert.equal(find(tree, 'cluster/target')?.icon, 'cloud');
  assert.equal(find(tree, 'service/vote/metrics')?.description, '12m CPU · 40.0 MiB');
});

test('on the local target nothing says cloud', () => {
  const s = fixture('status-sandbox-running.json');
  assert.doesNotMatch(statusBarText('running', s), /DigitalOcean/);
  assert.match(find(buildTree(s), 'cluster/target')?.description ?? '', /^local/);
});
