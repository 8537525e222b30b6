// View model from real StatusSnapshot payloads (fixtures captured with `hostk8s-dev status --json`,
// one without a cluster, one against the sandbox test bed) plus variations of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusSnapshot } from '../src/protocol';
import { quickActions, statusBarText, statusTooltip } from '../src/model/statusText';
import { buildTree, TreeNode } from '../src/model/tree';

const fixture = (name: string): StatusSnapshot =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', name), 'utf8'));
const offered = (...ids: string[]) => new Map(ids.map(id => [id, { title: id }]));
const find = (nodes: TreeNode[], id: string): TreeNode | undefined => {
  for (const n of nodes) { if (n.id === id) return n; const c = find(n.children, id); if (c) return c; }
  return undefined;
};

test('stopped cluster: status bar shows the state, no ready count', () => {
  const s = fixture('status-stopped.json');
  assert.equal(statusBarText('running', s), '$(circle-slash) HostK8s: stopped');
  assert.match(statusTooltip('running', s), /no kubeconfig at/);
});

test('sandbox running, nothing deployed: 0/3 ready, tree says not deployed', () => {
  const s = fixture('status-sandbox-running.json');
  assert.equal(statusBarText('running', s), '$(server-environment) HostK8s: running · 0/3 ready');
  const tree = buildTree(s);
  assert.deepEqual(tree.map(n => n.id), ['cluster', 'services']);
  assert.equal(tree[0].description, 'running');
  assert.equal(find(tree, 'cluster/nodes')?.description, '1/1 ready');
  assert.equal(find(tree, 'cluster/context')?.description, 'kind-hostk8s');
  assert.equal(find(tree, 'service/vote')?.description, 'not deployed');
  assert.equal(tree[1].description, '0/3 ready');
});

test('services ready, sync latency, forwards and debug sessions', () => {
  const s = fixture('status-sandbox-running.json');
  s.services = s.services.map(x => ({ ...x, ready: 1, total: 1, pods: [`${x.name}-abc`], reason: null }));
  s.services[0].sync = { state: 'watching', lastLatencyMs: 120, p50Ms: 90, p95Ms: 180, batches: 4, lastServingMs: 210,
    servingP50Ms: 190, servingP95Ms: 260 };
  s.services[2].sync = { state: 'watching', lastLatencyMs: 340, batches: 1 };
  s.forwards = [{ service: 'vote', name: 'http', localPort: 18080, remotePort: 80, state: 'active', url: 'http://127.0.0.1:18080/' }];
  s.debugSessions = [{ id: 'd1', service: 'vote', runtime: 'python', state: 'attached' }];
  assert.equal(statusBarText('running', s), '$(server-environment) HostK8s: running · 3/3 ready · sync 340 ms · serving 210 ms');
  const tree = buildTree(s);
  assert.equal(find(tree, 'service/vote')?.description, '1/1 ready');
  assert.equal(find(tree, 'service/vote')?.icon, 'pass');
  assert.equal(find(tree, 'service/vote/pod/vote-abc')?.label, 'vote-abc');
  assert.equal(find(tree, 'service/vote/sync')?.description, 'watching · last 120 ms · p95 180 ms');
  assert.equal(find(tree, 'service/vote/serving')?.description, 'last 210 ms · p50 190 ms · p95 260 ms');
  const fwd = find(tree, 'service/vote/forward/http');
  assert.equal(fwd?.url, 'http://127.0.0.1:18080/');
  assert.equal(find(tree, 'service/vote/debug/d1')?.description, 'attached');
  const actions = quickActions(s, offered('hostk8s.status', 'hostk8s.sandbox.down'));
  assert.deepEqual(actions.map(a => a.command), ['hostk8s.vscode.status', 'hostk8s.vscode.sandbox.down',
    'hostk8s.vscode.openUrl', 'hostk8s.vscode.showOutput', 'hostk8s.vscode.restartServer']);
});

test('busy shows a spinner and the busy label; degraded shows a warning', () => {
  const s = fixture('status-sandbox-running.json');
  s.busy = { command: 'hostk8s.up', title: 'Up: deploying' };
  assert.equal(statusBarText('running', s), '$(sync~spin) HostK8s: running · 0/3 ready · Up: deploying');
  assert.equal(buildTree(s)[0].icon, 'sync~spin');
  s.busy = null;
  assert.equal(statusBarText('running', s, 'Start Sandbox'), '$(sync~spin) HostK8s: running · 0/3 ready · Start Sandbox');
  s.cluster.state = 'degraded';
  assert.match(statusBarText('running', s), /^\$\(warning\) HostK8s: degraded/);
});

test('server states without a snapshot', () => {
  assert.equal(statusBarText('starting'), '$(sync~spin) HostK8s: starting');
  assert.equal(statusBarText('stopped'), '$(error) HostK8s: server stopped');
  assert.deepEqual(buildTree(undefined), []);
});

test('stopped cluster menu offers only announced start commands', () => {
  const s = fixture('status-stopped.json');
  const ids = quickActions(s, offered('hostk8s.sandbox.up', 'hostk8s.status')).map(a => a.command);
  assert.deepEqual(ids, ['hostk8s.vscode.sandbox.up', 'hostk8s.vscode.status', 'hostk8s.vscode.showOutput', 'hostk8s.vscode.restartServer']);
});

test('the status menu shows the server\'s titles', () => {
  const actions = quickActions(fixture('status-stopped.json'), new Map([['hostk8s.status', { title: 'Show status' }]]));
  assert.equal(actions[0].label, 'Show status');
  assert.equal(actions[0].command, 'hostk8s.vscode.status');
});

test('breakpoints can be set in the languages the hostk8s debugger serves (no other debug extension needed)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const languages = (pkg.contributes.breakpoints ?? []).map((b: any) => b.language);
  assert.deepEqual(languages.sort(), ['java', 'python']);
});
