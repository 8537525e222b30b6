// The tree acts on what it shows: every service of the app (db and redis too), context menus and inline actions on
// services and pods, and links only where the server gave a web URL. Pure model + the manifest's menus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusSnapshot } from '../src/protocol';
import { buildTree, TreeNode } from '../src/model/tree';
import { CloudApp, CloudStatus } from '../src/protocol';
import { actionsFor, menuEntries, TREE_ACTIONS } from '../src/model/treeActions';
import { runRequest } from '../src/model/catalog';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const find = (nodes: TreeNode[], id: string): TreeNode | undefined => {
  for (const n of nodes) { if (n.id === id) return n; const c = find(n.children, id); if (c) return c; }
  return undefined;
};
const titles = (n: TreeNode | undefined) => actionsFor(n?.contextValue).map(a => a.title);

/** The voting app deployed in the sandbox: three dev services, db and redis from the manifests, vote forwarded. */
function deployed(): StatusSnapshot {
  const s: StatusSnapshot = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'status-sandbox-running.json'), 'utf8'));
  s.services = s.services.map(x => ({ ...x, ready: 1, total: 1, pods: [`${x.name}-abc`], reason: null, dev: true }));
  s.services.push({ name: 'db', ready: 1, total: 1, pods: ['db-xyz'], reason: null, sync: { state: 'off' }, dev: false });
  s.services.push({ name: 'redis', ready: 0, total: 1, pods: ['redis-xyz'], reason: 'ContainerCreating', sync: { state: 'off' }, dev: false });
  s.forwards = [
    { service: 'vote', name: 'http', localPort: 18080, remotePort: 80, state: 'active', url: 'http://127.0.0.1:18080/' },
    { service: 'vote', name: 'debug', localPort: 35678, remotePort: 5678, state: 'active', url: null },
  ];
  return s;
}

test('every service of the app is listed, db and redis marked as from the manifests', () => {
  const tree = buildTree(deployed());
  assert.deepEqual(tree[1].children.map(n => n.label), ['vote', 'worker', 'result', 'db', 'redis']);
  assert.equal(tree[1].description, '4/5 ready');
  assert.equal(find(tree, 'service/db')?.description, '1/1 ready · manifests');
  assert.match(find(tree, 'service/redis')?.tooltip ?? '', /ContainerCreating\nFrom the manifests/);
  assert.equal(find(tree, 'service/redis/sync'), undefined, 'no sync row for a service that is not synced');
  assert.equal(find(tree, 'service/vote')?.description, '1/1 ready');
});

test('a debugger forward is a row, not a link; the http forward links to the URL the server gave', () => {
  const tree = buildTree(deployed());
  const debug = find(tree, 'service/vote/forward/debug');
  assert.equal(debug?.url, undefined);
  assert.equal(debug?.description, '127.0.0.1:35678 → 5678 (active)');
  assert.doesNotMatch(debug?.description ?? '', /http/);
  assert.equal(find(tree, 'service/vote/forward/http')?.url, 'http://127.0.0.1:18080/');
  assert.equal(find(tree, 'service/vote')?.url, undefined, 'the service row itself is not a link');
});

test('service and pod rows offer the actions that apply to them', () => {
  const tree = buildTree(deployed());
  assert.deepEqual(titles(find(tree, 'service/vote')),
    ['Show Logs', 'Open in Browser', 'Debug', 'Restart', 'Port-Forward', 'Sync Explain (active file)']);
  assert.deepEqual(titles(find(tree, 'service/worker')), ['Show Logs', 'Debug', 'Restart', 'Port-Forward', 'Sync Explain (active file)'],
    'no Open in Browser without an http forward');
  assert.deepEqual(titles(find(tree, 'service/redis')), ['Show Logs', 'Restart', 'Port-Forward'], 'not debugged or synced');
  assert.deepEqual(titles(find(tree, 'service/vote/pod/vote-abc')), ['Show Logs', 'Debug', 'Restart', 'Sync Explain (active file)']);
  assert.deepEqual(titles(find(tree, 'service/redis/pod/redis-xyz')), ['Show Logs', 'Restart']);
  for (const id of ['cluster', 'services', 'service/vote/ready', 'service/vote/forward/debug']) assert.deepEqual(titles(find(tree, id)), [], id);
  assert.deepEqual(find(tree, 'service/vote')?.target, { service: 'vote', url: 'http://127.0.0.1:18080/' });
  assert.deepEqual(find(tree, 'service/vote/pod/vote-abc')?.target, { service: 'vote', pod: 'vote-abc' });
});

test('actions run the server commands on the row\'s service', () => {
  const args = Object.fromEntries(TREE_ACTIONS.map(a => [a.title, a.run.how === 'server' ? [a.run.command, a.run.args({ service: 'vote', pod: 'p' })] : a.run.how]));
  assert.deepEqual(args, {
    'Show Logs': ['hostk8s.logs.follow', { service: 'vote' }],
    'Open in Browser': 'url',
    'Debug': 'debug',
    'Restart': ['hostk8s.restart', { service: 'vote' }],
    'Port-Forward': ['hostk8s.forward.start', { service: 'vote' }],
    'Sync Explain (active file)': ['hostk8s.sync.explain', { service: 'vote' }],
    'Plan Publish': ['hostk8s.publish.plan', {}],
    'Publish (Apply)': ['hostk8s.publish.apply', {}],
    'Publish Status': ['hostk8s.publish.status', {}],
    'Tear Down': ['hostk8s.publish.teardown', {}],
    'Set DigitalOcean Token': 'client',
    'Release History': ['hostk8s.publish.history', {}],
    'Roll Back': ['hostk8s.publish.rollback', {}],
  });
});

test('the manifest contributes exactly the model\'s menus, and each action as a hidden-from-palette command', () => {
  assert.deepEqual(pkg.contributes.menus['view/item/context'], menuEntries('hostk8s.status'));
  const palette = new Map(pkg.contributes.menus.commandPalette.map((m: any) => [m.command, m.when]));
  for (const a of TREE_ACTIONS) {
    const c = pkg.contributes.commands.find((x: any) => x.command === a.id);
    assert.equal(c?.title, a.title);
    assert.equal(c?.icon, `$(${a.icon})`);
    assert.equal(palette.get(a.id), 'false', `${a.id} needs a row`);
  }
  // the menus' regexps are VS Code's `=~ /…/`: the same as the model's
  const inline = pkg.contributes.menus['view/item/context'].filter((m: any) => m.group.startsWith('inline')).map((m: any) => m.command);
  assert.deepEqual(inline, ['hostk8s.vscode.tree.showLogs', 'hostk8s.vscode.tree.openInBrowser', 'hostk8s.vscode.tree.debug']);
});

test('hostk8s.client.run requests (code lenses) are read, malformed ones refused', () => {
  assert.deepEqual(runRequest({ command: 'hostk8s.deploy', arguments: { service: 'vote' } }), { command: 'hostk8s.deploy', arguments: { service: 'vote' } });
  assert.deepEqual(runRequest({ command: 'hostk8s.status' }), { command: 'hostk8s.status', arguments: {} });
  assert.equal(runRequest(undefined), undefined);
  assert.equal(runRequest({ arguments: {} }), undefined);
  assert.equal(runRequest('hostk8s.deploy'), undefined);
});

// The Cloud node: what publish created on DigitalOcean, from the snapshot's cloud section.
const offersPublish = (id: string) => id.startsWith('hostk8s.publish.');
const RUNNING: CloudStatus = {
  provider: 'digitalocean', state: 'running', cluster: 'hostk8s-voting', clusterId: 'c-1', region: 'fra1', message: null,
  registry: 'hostk8s-voting', registryIntegrated: true, kubeconfig: '/w/.hostk8s/publish/kubeconfig', monthlyUsd: 53,
  lastError: null, updatedAt: '2026-12-07T10:00:00Z',
};
const rows = (n: TreeNode | undefined) => n?.children.map(c => [c.label, c.description, c.icon]);

test('no Cloud node from a server that does not offer publishing and has no cloud section', () => {
  assert.deepEqual(buildTree(deployed()).map(n => n.id), ['cluster', 'services']);
  assert.deepEqual(buildTree(deployed(), offersPublish).map(n => n.id), ['cluster', 'services', 'cloud']);
});

test('nothing published (no cloud section, or state none): Plan publish and Set DigitalOcean Token', () => {
  for (const cloud of [undefined, null, { provider: 'digitalocean', state: 'none' }]) {
    const node = find(buildTree({ ...deployed(), cloud }, offersPublish), 'cloud');
    assert.equal(`${node?.label}: ${node?.description}`, 'Cloud: DigitalOcean: nothing published');
    assert.deepEqual(node?.children.map(c => [c.label, c.command]),
      [['Plan publish', 'hostk8s.vscode.publish.plan'], ['Set DigitalOcean Token', 'hostk8s.vscode.setDigitalOceanToken']]);
    assert.deepEqual(titles(node), ['Plan Publish', 'Publish (Apply)', 'Set DigitalOcean Token'], 'no status or teardown');
  }
  for (const id of ['hostk8s.vscode.publish.plan', 'hostk8s.vscode.setDigitalOceanToken']) {
    assert.ok(pkg.contributes.commands.some((c: any) => c.command === id), `${id} is contributed`);
  }
});

test('running: cluster and state, region, registry with pull access, monthly estimate, kubeconfig; every action', () => {
  const node = find(buildTree({ ...deployed(), cloud: RUNNING }), 'cloud');
  assert.deepEqual([node?.description, node?.icon], ['DigitalOcean hostk8s-voting: running', 'pass']);
  assert.deepEqual(rows(node), [
    ['Region', 'fra1', 'globe'],
    ['Registry', 'hostk8s-voting · pull access', 'package'],
    ['Cost', '$53.00/month (estimate)', 'credit-card'],
    ['Kubeconfig', '/w/.hostk8s/publish/kubeconfig', 'file'],
  ]);
  assert.deepEqual(titles(node), ['Plan Publish', 'Publish (Apply)', 'Publish Status', 'Tear Down', 'Set DigitalOcean Token',
    'Release History', 'Roll Back']);
  assert.deepEqual(node?.target, {});
  for (const c of node?.children ?? []) assert.deepEqual(titles(c), [], `${c.id} has no actions`);
});

test('the app published: its URL with the HTTPS check, and the load balancer, before the region', () => {
  const published: CloudApp = {
    url: 'https://v.example.com/vote/', host: 'v.example.com', loadBalancerIp: '203.0.113.7', loadBalancerState: 'active',
    dnsResolves: true, certificateReady: true, servicesReady: 5, servicesTotal: 5, httpsOk: true, volumes: ['vol-1'], images: [],
  };
  const app = find(buildTree({ ...deployed(), cloud: { ...RUNNING, nodesReady: 2, nodesTotal: 2, app: published } }), 'cloud');
  assert.deepEqual(rows(app)?.slice(0, 5), [
    ['App', 'https://v.example.com/vote/ · answers over HTTPS', 'link-external'],
    ['Services', '5/5 ready', 'pass'],
    ['Load balancer', '203.0.113.7 · active', 'server'],
    ['Nodes', '2/2 ready', 'server-environment'],
    ['Region', 'fra1', 'globe'],
  ]);
  const broken = find(buildTree({ ...deployed(), cloud: { ...RUNNING,
    app: { ...published, httpsOk: false, servicesReady: 3, dnsResolves: false, certificateReady: false } } }), 'cloud');
  assert.deepEqual(rows(broken)?.slice(0, 5), [
    ['App', 'https://v.example.com/vote/ · HTTPS check failed', 'warning'],
    ['Services', '3/5 ready', 'warning'],
    ['Load balancer', '203.0.113.7 · active', 'server'],
    ['DNS', 'v.example.com resolves elsewhere', 'warning'],
    ['Certificate', 'not issued yet', 'warning'],
  ]);
});

test('a published service in debug mode: a warning row first and DEBUG MODE on the Cloud node', () => {
  const line = 'vote: DEBUG MODE since 2026-12-06T18:00:00Z — python debugger on port 5678, image r/hostk8s-vote:dev, 1 replica; '
    + 'back to production: hostk8s-dev publish debug stop';
  const app: CloudApp = { url: 'https://v.example.com/vote/', host: 'v.example.com', volumes: [], images: [], debugging: [line] };
  const node = find(buildTree({ ...deployed(), cloud: { ...RUNNING, app } }), 'cloud');
  assert.deepEqual(rows(node)?.[0], ['Debug mode', line, 'warning']);
  assert.match(node?.description ?? '', / · DEBUG MODE$/);
  assert.equal(node?.icon, 'debug-alt');
  const calm = find(buildTree({ ...deployed(), cloud: { ...RUNNING, app: { ...app, debugging: [] } } }), 'cloud');
  assert.doesNotMatch(calm?.description ?? '', /DEBUG/);
});

test('provisioning, degraded, error: the icon follows the state; the last error is a warning row first', () => {
  const states: [Partial<CloudStatus>, string][] = [
    [{ state: 'provisioning', registryIntegrated: false, monthlyUsd: 48.5 }, 'sync~spin'],
    [{ state: 'degraded', message: 'node pool unhealthy' }, 'warning'],
    [{ state: 'error', lastError: '7104 The cluster did not become running within 20 minutes' }, 'error'],
    [{ state: 'deleting' }, 'sync~spin'],
  ];
  for (const [patch, icon] of states) {
    const node = find(buildTree({ ...deployed(), cloud: { ...RUNNING, ...patch } }), 'cloud');
    assert.equal(node?.icon, icon, patch.state);
    assert.equal(node?.description, `DigitalOcean hostk8s-voting: ${patch.state}`);
    assert.deepEqual(titles(node), ['Plan Publish', 'Publish (Apply)', 'Publish Status', 'Tear Down', 'Set DigitalOcean Token',
    'Release History', 'Roll Back']);
  }
  const provisioning = find(buildTree({ ...deployed(), cloud: { ...RUNNING, ...states[0][0] } }), 'cloud');
  assert.equal(find([provisioning!], 'cloud/registry')?.description, 'hostk8s-voting · no pull access yet');
  assert.equal(find([provisioning!], 'cloud/cost')?.description, '$48.50/month (estimate)');
  const degraded = find(buildTree({ ...deployed(), cloud: { ...RUNNING, ...states[1][0] } }), 'cloud');
  assert.deepEqual(rows(degraded)?.[0], ['DigitalOcean says', 'node pool unhealthy', 'info']);
  const failed = find(buildTree({ ...deployed(), cloud: { ...RUNNING, ...states[2][0] } }), 'cloud');
  assert.deepEqual(rows(failed)?.[0], ['Last error', '7104 The cluster did not become running within 20 minutes', 'warning']);
  assert.match(failed?.tooltip ?? '', /^Last error: 7104 .*\nAs of 2026-12-07T10:00:00Z$/);
});

test('deleted: shown with its state, nothing left to tear down', () => {
  const node = find(buildTree({ ...deployed(), cloud: { ...RUNNING, state: 'deleted', kubeconfig: null, monthlyUsd: null } }), 'cloud');
  assert.deepEqual([node?.description, node?.icon], ['DigitalOcean hostk8s-voting: deleted', 'trash']);
  assert.deepEqual(titles(node), ['Plan Publish', 'Publish (Apply)', 'Set DigitalOcean Token']);
});
