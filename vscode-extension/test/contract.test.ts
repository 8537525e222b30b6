// The client's side of the contract against the protocol module's Java sources: the manifest's commands map to
// server command ids (CommandIds.java) and stay hidden until the server offers them; protocol.ts declares the same
// fields as the Java records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { CLIENT_COMMANDS, CLIENT_DEBUG_SERVICE, CLIENT_RUN, contextKeyFor, DEBUG_ENDPOINT_COMMAND, paletteCommands, serverIdFor }
  from '../src/model/catalog';
import { PROTOCOL_DIR, recordComponents, stringConstants } from './javaSource';

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
const when = new Map<string, string>(pkg.contributes.menus.commandPalette.map((m: any) => [m.command, m.when]));
const ids = stringConstants(path.join(PROTOCOL_DIR, 'commands', 'CommandIds.java'));
const serverIds = new Set([...ids.values()].filter(v => !v.startsWith('hostk8s.client.')));

test('CommandIds.java is read (server ids and the client-side commands)', () => {
  assert.ok(serverIds.has('hostk8s.status') && serverIds.has('hostk8s.build') && serverIds.has(DEBUG_ENDPOINT_COMMAND));
  assert.ok(serverIds.has('hostk8s.restart'));
  assert.equal(ids.get('CLIENT_DEBUG_SERVICE'), CLIENT_DEBUG_SERVICE);
  assert.equal(ids.get('CLIENT_RUN'), CLIENT_RUN);
  assert.equal(ids.get('DEBUG_ENDPOINT'), DEBUG_ENDPOINT_COMMAND);
});

test('every contributed hostk8s.vscode.* command is a server command of CommandIds or a known client command', () => {
  for (const id of contributed) {
    assert.match(id, /^hostk8s\.vscode\./);
    const server = serverIdFor(id);
    if (server === undefined) assert.ok(CLIENT_COMMANDS.includes(id), `${id}: neither a server command nor client-only`);
    else assert.ok(serverIds.has(server), `${id} → ${server} is not in CommandIds.java`);
  }
  for (const id of CLIENT_COMMANDS) assert.ok(contributed.includes(id), `client command ${id} is not contributed`);
});

test('every server command but the debug endpoint has its palette entry (hostk8s.build included)', () => {
  const backed = new Set(paletteCommands(contributed).map(p => p.server));
  for (const id of serverIds) if (id !== DEBUG_ENDPOINT_COMMAND) assert.ok(backed.has(id), `no palette entry for ${id}`);
  assert.ok(backed.has('hostk8s.build'));
});

test('every palette entry of a server command is hidden unless the server offers that command', () => {
  for (const p of paletteCommands(contributed)) {
    assert.equal(when.get(p.id)?.split(' && ')[0], contextKeyFor(p.server), `${p.id} palette when`);
    assert.equal(pkg.contributes.commands.find((c: any) => c.command === p.id).category, 'HostK8s');
  }
  assert.equal(when.get('hostk8s.vscode.debug'), contextKeyFor(DEBUG_ENDPOINT_COMMAND));
  assert.equal(when.get('hostk8s.vscode.refresh'), contextKeyFor('hostk8s.status'));
  assert.equal(when.get('hostk8s.vscode.openUrl'), 'false');
});

test('Stop Cluster is not offered while the target (the status snapshot\'s cluster.target) is the sandbox', () => {
  assert.equal(when.get('hostk8s.vscode.cluster.stop'), `${contextKeyFor('hostk8s.cluster.stop')} && hostk8s.target != sandbox`);
  const other = paletteCommands(contributed).filter(p => p.id !== 'hostk8s.vscode.cluster.stop');
  for (const p of other) assert.equal(when.get(p.id), contextKeyFor(p.server), `${p.id} palette when`);
});

/** Field names of each interface in src/protocol.ts. */
function tsInterfaces(): Map<string, string[]> {
  const file = path.join(__dirname, '..', '..', 'src', 'protocol.ts');
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out = new Map<string, string[]>();
  sf.forEachChild(n => {
    if (ts.isInterfaceDeclaration(n)) {
      out.set(n.name.text, n.members.filter(ts.isPropertySignature).map(m => (m.name as ts.Identifier).text));
    }
  });
  return out;
}

test('protocol.ts declares the fields of the Java protocol records', () => {
  const records: [string, string][] = [
    ['StatusSnapshot', ''], ['ServiceStatus', ''], ['ServiceMetrics', ''], ['ClusterStatus', ''], ['ForwardStatus', ''],
    ['DebugSessionStatus', ''], ['SyncStatus', ''], ['EngineInfo', ''], ['HostK8sEvent', ''], ['LogBatch', ''],
    ['CommandDescription', 'commands'], ['ArgumentDescription', 'commands'], ['ResultView', 'commands'],
    ['Fix', 'commands'], ['CloudStatus', 'cloud'], ['CloudApp', 'cloud'], ['PlanItem', 'cloud'], ['PublishPlan', 'cloud'],
    ['PublishResult', 'cloud'], ['DebugEndpoint', 'commands/results'],
  ];
  const declared = tsInterfaces();
  for (const [name, dir] of records) {
    const java = recordComponents(path.join(PROTOCOL_DIR, dir, `${name}.java`), name);
    assert.deepEqual([...(declared.get(name) ?? [])].sort(), [...java].sort(), `${name}: protocol.ts vs ${name}.java`);
  }
});

test('ArgumentKind in protocol.ts lists the Java enum constants', () => {
  const src = fs.readFileSync(path.join(PROTOCOL_DIR, 'commands', 'ArgumentKind.java'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const java = /enum\s+ArgumentKind\s*\{([^}]*)\}/.exec(src)![1].split(',').map(s => s.trim()).filter(Boolean);
  const file = path.join(__dirname, '..', '..', 'src', 'protocol.ts');
  const ts_ = /type ArgumentKind = ([^;]*);/.exec(fs.readFileSync(file, 'utf8'))![1].split('|').map(s => s.trim().replace(/'/g, ''));
  assert.deepEqual(ts_.sort(), java.sort());
});
