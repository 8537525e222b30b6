// Which services the debug picker and the debug configuration accept: what the server describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CommandDescription } from '../src/protocol';
import { debugConfigurations, debuggableServices, debugProblem } from '../src/model/debugChoices';

const described: CommandDescription[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'commands.json'), 'utf8'));
const byId = new Map(described.map(d => [d.id, d]));

test('the services with a debugger come from the debug endpoint description (result, without one, is not offered)', () => {
  assert.deepEqual(debuggableServices(byId), ['vote', 'worker']);
  assert.equal(debuggableServices(new Map()), undefined);
});

test('a service without a debugger gets our message naming the ones that have one; older servers are not second-guessed', () => {
  assert.equal(debugProblem('vote', ['vote', 'worker']), undefined);
  assert.equal(debugProblem('result', ['vote', 'worker']),
    'HostK8s: "result" has no debugger in hostk8s.dev.yaml (services you can debug: vote, worker).');
  assert.match(debugProblem('vote', [])!, /no service has one yet/);
  assert.equal(debugProblem('result', undefined), undefined);
});

test('the debug picker lists one attach configuration per debuggable service', () => {
  assert.deepEqual(debugConfigurations(['vote', 'worker']).map(c => [c.name, c.service, c.request]),
    [['Debug vote in cluster', 'vote', 'attach'], ['Debug worker in cluster', 'worker', 'attach']]);
});
