// The tree acts on what it shows: every service of the app (db and redis too), context menus and inline actions on
// services and pods, and links only where the server gave a web URL. Pure model + the manifest's menus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StatusSnapshot } from '../src/protocol';
import { buildTree, TreeNode } from '../src/model/tree';
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
