// Prompts and result views built from the server's command descriptions (fixture: `hostk8s-dev commands --json`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandDescription } from '../src/protocol';
import { argumentPlan, commandArguments, inputProblem, parseInput } from '../src/model/argumentPlan';
import { fieldAt, fillTemplate, present } from '../src/model/resultView';
import { available } from '../src/model/catalog';

const described: CommandDescription[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'commands.json'), 'utf8'));
const cmd = (id: string): CommandDescription => described.find(d => d.id === id)!;

test('templates take {field} and {field.sub} from the result; absent values show as —', () => {
  const r = { cluster: { state: 'stopped', name: 'hostk8s' }, closed: ['http', 'debug'], n: 0, ok: false };
  assert.equal(fillTemplate('{cluster.state}: {cluster.name}', r), 'stopped: hostk8s');
  assert.equal(fillTemplate('closed: {closed}; {n} {ok}', r), 'closed: http, debug; 0 false');
  assert.equal(fillTemplate('{missing} at {cluster.x.y}', r), '— at —');
  assert.equal(fillTemplate('no placeholders {}', r), 'no placeholders {}');
  assert.equal(fieldAt(r, 'cluster.name'), 'hostk8s');
  assert.equal(fieldAt(null, 'a'), undefined);
});

test('argument plan: services and choices are picked, optional ones with a default item; other optional kinds are left out', () => {
  assert.deepEqual(argumentPlan(cmd('hostk8s.status').arguments), []);
  assert.deepEqual(argumentPlan(cmd('hostk8s.sync.start').arguments),
    [{ how: 'pick', name: 'service', prompt: 'Service', choices: ['vote', 'worker', 'result'], optional: false }]);
  assert.deepEqual(argumentPlan(cmd('hostk8s.doctor').arguments),
    [{ how: 'pick', name: 'target', prompt: 'Check for', choices: ['cluster', 'sandbox'], optional: true }]);
  assert.deepEqual(argumentPlan(cmd('hostk8s.sync.explain').arguments).map(a => [a.how, a.name]),
    [['pick', 'service'], ['file', 'path']]);
  // forward.start: port, localPort, name, portName are optional → not asked
  assert.deepEqual(argumentPlan(cmd('hostk8s.forward.start').arguments).map(a => a.name), ['service']);
  assert.deepEqual(argumentPlan(cmd('hostk8s.up').arguments), []);
  // deploy: only the optional service is asked, "(default)" (every service) first; its booleans are left out
  assert.deepEqual(argumentPlan(cmd('hostk8s.deploy').arguments),
    [{ how: 'pick', name: 'service', prompt: 'Only this service (default: every service)', choices: ['vote', 'worker', 'result'], optional: true }]);
});

test('argument plan: required plain kinds get an input box or a yes/no; a service without choices is typed', () => {
  const plan = argumentPlan([
    { name: 'port', kind: 'INTEGER', prompt: 'Port', required: true, choices: [], example: '80' },
    { name: 'force', kind: 'BOOLEAN', prompt: 'Force', required: true, choices: [] },
    { name: 'quiet', kind: 'BOOLEAN', prompt: 'Quiet', required: false, choices: [] },
    { name: 'service', kind: 'SERVICE', prompt: 'Service', required: true, choices: [] },
    { name: 'other', kind: 'SERVICE', prompt: 'Other', required: false, choices: [] },
  ]);
  assert.deepEqual(plan.map(a => [a.how, a.name]), [['input', 'port'], ['confirm', 'force'], ['input', 'service']]);
  assert.equal(inputProblem('INTEGER', '8o'), 'A whole number, e.g. 80.');
  assert.equal(inputProblem('INTEGER', ' 80 '), undefined);
  assert.equal(inputProblem('NUMBER', '2.5'), undefined);
  assert.equal(inputProblem('STRING', '  '), 'A value is required.');
  assert.equal(parseInput('INTEGER', ' 80 '), 80);
  assert.deepEqual(commandArguments({ service: 'vote', target: undefined }), [{ service: 'vote' }]);
  assert.deepEqual(commandArguments({ target: undefined }), []);
});

test('result views: status, doctor warning with lines, forward URL, run.local debug, logs, document', () => {
  const status = present(cmd('hostk8s.status').result, { cluster: { state: 'stopped', name: 'hostk8s' } }, {}, 'Show status');
  assert.deepEqual([status.show, status.text, status.warning], ['status', 'HostK8s: stopped: hostk8s', false]);

  const doctor = present(cmd('hostk8s.doctor').result, { ok: false, summary: '4/7 checks ok', lines: ['✔ java', '✘ docker'] }, {}, 'x');
  assert.deepEqual([doctor.text, doctor.warning, doctor.lines], ['HostK8s doctor: 4/7 checks ok', true, ['✔ java', '✘ docker']]);
  assert.equal(present(cmd('hostk8s.doctor').result, { ok: true, summary: 'all ok' }, {}, 'x').warning, false);

  const fwd = present(cmd('hostk8s.forward.start').result, { service: 'vote', localPort: 18080, url: 'http://127.0.0.1:18080/' },
    { service: 'vote' }, 'x');
  assert.deepEqual([fwd.text, fwd.url, fwd.debug], ['HostK8s: vote is forwarded to 127.0.0.1:18080.', 'http://127.0.0.1:18080/', undefined]);
  assert.equal(present(cmd('hostk8s.forward.start').result, { service: 'redis', localPort: 1, url: null }, {}, 'x').url, undefined);

  const attach = { type: 'hostk8s', request: 'attach', target: { host: '127.0.0.1', port: 5678 } };
  const local = present(cmd('hostk8s.run.local').result, { service: 'vote', url: 'http://127.0.0.1:5000/', attach }, { service: 'vote' }, 'x');
  assert.deepEqual(local.debug, attach);

  const logs = present(cmd('hostk8s.logs.follow').result, { service: 'vote', pod: 'vote-1' }, { service: 'vote' }, 'x');
  assert.deepEqual([logs.show, logs.service, logs.text], ['logs', 'vote', 'HostK8s: Following the logs of vote (vote-1)']);
  assert.equal(present(cmd('hostk8s.config.show').result, { workspace: '/w' }, {}, 'x').show, 'document');
  const up = present(cmd('hostk8s.up').result, { target: 'sandbox', outcome: '3/3 ready — vote at http://127.0.0.1:2/',
    url: 'http://127.0.0.1:2/', urlService: 'vote', lines: ['target   sandbox — no real cluster possible here'] }, {}, 'x');
  assert.deepEqual([up.text, up.lines, up.url, up.urlLabel], ['HostK8s: Up on the sandbox: 3/3 ready — vote at http://127.0.0.1:2/',
    ['target   sandbox — no real cluster possible here'], 'http://127.0.0.1:2/', 'Open vote']);
});

test('no view or an unknown one: a message with the title', () => {
  const p = present(undefined, 42, {}, 'Build images');
  assert.deepEqual([p.show, p.text, p.lines], ['message', 'HostK8s: Build images done.', []]);
  assert.equal(present({ show: 'chart', summary: 'x' }, {}, {}, 't').show, 'message');
});

test('offered commands: announced and described, both (an announced id the server does not describe is not offered)', () => {
  const announced = new Set(['hostk8s.status', 'hostk8s.build', 'hostk8s.up']);
  const withoutBuild = described.filter(d => d.id !== 'hostk8s.build');
  assert.deepEqual([...available(announced, withoutBuild).keys()], ['hostk8s.status', 'hostk8s.up']);
  const offered = available(announced, described);
  assert.deepEqual([...offered.keys()].sort(), ['hostk8s.build', 'hostk8s.status', 'hostk8s.up']);
  assert.equal(offered.get('hostk8s.up')?.title.startsWith('Up'), true);
  assert.deepEqual([...available(new Set(['hostk8s.status']), described).keys()], ['hostk8s.status']);
});

test('a URL result names its button as the server says ("Open {urlService}" → "Open vote"), else "Open in Browser"', () => {
  const up = { show: 'message', summary: 'Up on the {target}: {outcome}', lines: 'lines', url: 'url', urlLabel: 'Open {urlService}' };
  const p = present(up, { target: 'sandbox', outcome: 'ready — vote at http://127.0.0.1:2/', url: 'http://127.0.0.1:2/', urlService: 'vote', lines: [] }, {}, 'Up');
  assert.equal(p.text, 'HostK8s: Up on the sandbox: ready — vote at http://127.0.0.1:2/');
  assert.equal(p.url, 'http://127.0.0.1:2/');
  assert.equal(p.urlLabel, 'Open vote');
  assert.equal(present({ show: 'message', summary: 'x', url: 'url' }, { url: 'http://h/' }, {}, 'x').urlLabel, 'Open in Browser');
});
