// How a failed command reads: the server's message on one line with one full stop, its fixes as buttons (from the
// error data), never raw JSON or [object Object]; and the walkthrough ticks a step only from a success's context key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorView, fixesOf, MAX_TOAST_CHARS, sentence } from '../src/model/results';
import { present } from '../src/model/resultView';
import { doneKey, doneKeyForServer } from '../src/model/walkthrough';

const KUBECONFIG_MISSING = {
  code: 2001, message: 'No kubeconfig at /w/.hostk8s/kubeconfig (from the workspace): no cluster is running for this workspace.',
  data: {
    code: 2001, name: 'KUBECONFIG_MISSING',
    suggestions: ['No Docker daemon here, so no Kind cluster: `hostk8s-dev up --sandbox` (or `make dev`) runs the app in the sandbox.',
      'Or use an existing cluster: --kubeconfig FILE (or KUBECONFIG=FILE).'],
    fixes: [{ title: 'Start Sandbox', command: 'hostk8s.sandbox.up', arguments: [] }],
  },
};

test('a server error reads as one sentence with its fixes as buttons, the suggestions and code in the output', () => {
  const v = errorView('Deploy', KUBECONFIG_MISSING);
  assert.equal(v.text, 'HostK8s: Deploy failed: No kubeconfig at /w/.hostk8s/kubeconfig (from the workspace): no cluster is running for this workspace.');
  assert.deepEqual(v.fixes, [{ title: 'Start Sandbox', command: 'hostk8s.sandbox.up', arguments: [] }]);
  assert.equal(v.cancelled, false);
  assert.ok(v.more, 'the text suggestions are in the output');
  assert.match(v.detail[0], /^Deploy failed \[KUBECONFIG_MISSING 2001\]: No kubeconfig/);
  assert.ok(v.detail.some(l => l.includes('hostk8s-dev up --sandbox')));
  for (const bad of ['{', '[object Object]', '..', '\n']) assert.ok(!v.text.includes(bad), `no ${JSON.stringify(bad)} in ${v.text}`);
});

test('without fixes the first suggestion is the fix to read; a long Docker message is cut, never a double full stop', () => {
  const docker = { code: 3001, message: `No Docker daemon at unix:///var/run/docker.sock: ${'connection refused '.repeat(20)}.`,
    data: { code: 3001, name: 'DOCKER_UNREACHABLE', suggestions: ['Start Docker.'] } };
  const v = errorView('Build', docker);
  assert.ok(v.text.length <= MAX_TOAST_CHARS + 60, `${v.text.length} chars`);
  assert.ok(!v.text.includes('..') && !v.text.includes('  '));
  assert.match(v.text, /… Fix: Start Docker\.$/);
  assert.ok(v.more);
  assert.equal(errorView('Up', { code: 1002, message: 'Bad arguments.', data: { suggestions: ['Pass {"service": "vote"}.'] } }).text,
    'HostK8s: Up failed: Bad arguments. Fix: Pass {"service": "vote"}.');
  assert.equal(sentence('done.. '), 'done.');
  assert.equal(sentence('what?'), 'what?');
});

test('no [object Object] or raw JSON for odd errors; cancellation is not an error', () => {
  assert.equal(errorView('Up', { code: 1000, message: { nested: true } }).text,
    'HostK8s: Up failed: unknown error (see "HostK8s: Show Server Output").');
  assert.equal(errorView('Up', new Error('The HostK8s server is not running.')).text, 'HostK8s: Up failed: The HostK8s server is not running.');
  assert.equal(errorView('Up', undefined).fixes.length, 0);
  const cancelled = errorView('Up', { code: -32800, message: 'x' });
  assert.deepEqual([cancelled.text, cancelled.cancelled], ['HostK8s: Up was cancelled.', true]);
  const canceled = new Error('Canceled'); canceled.name = 'Canceled';
  assert.equal(errorView('Up', canceled).text, 'HostK8s: Up was cancelled.');
});

test('malformed fixes are dropped, arguments default to none', () => {
  assert.deepEqual(fixesOf([{ title: 'A', command: 'hostk8s.a' }, { title: '', command: 'x' }, { command: 'y' }, null, 'z']),
    [{ title: 'A', command: 'hostk8s.a', arguments: [] }]);
  assert.deepEqual(fixesOf({ title: 'A', command: 'b' }), []);
});

test("doctor's result offers the server's fixes as buttons and marks its failed checks as problems (warnings)", () => {
  const view = { show: 'message', summary: 'HostK8s doctor: {summary}', lines: 'lines', okField: 'ok', problems: 'problems', fixes: 'fixes' };
  const report = { ok: true, summary: '1/3 checks ok for the sandbox', lines: ['✔ java: 17', '⚠ kubeconfig: none'],
    problems: ['⚠ kubeconfig: none'], fixes: [{ title: 'Start Sandbox', command: 'hostk8s.sandbox.up', arguments: [] }] };
  const p = present(view, report, {}, 'Doctor');
  assert.deepEqual(p.fixes.map(f => [f.title, f.command]), [['Start Sandbox', 'hostk8s.sandbox.up']]);
  assert.deepEqual(p.problems, ['⚠ kubeconfig: none']);
  assert.deepEqual(present({ show: 'message', summary: 'x' }, {}, {}, 'x').fixes, []);
});

const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

test('every walkthrough step completes on the success keys of its buttons, never on the click (onCommand)', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  // The Welcome tab's list shows about 20 characters beside the "New" badge ("Get Started with Ho…" was cut off).
  assert.ok(walkthrough.title.length <= 18, `"${walkthrough.title}" fits the Welcome tab`);
  for (const step of walkthrough.steps) {
    const linked = [...(step.description as string).matchAll(/\(command:([\w.]+)\)/g)].map(m => m[1]);
    assert.ok(linked.length, `${step.id} has a button`);
    assert.deepEqual(step.completionEvents, linked.map(id => `onContext:${doneKey(id)}`), step.id);
  }
  assert.equal(doneKey('hostk8s.vscode.sandbox.up'), 'hostk8s.done.sandbox.up');
  assert.equal(doneKeyForServer('hostk8s.sandbox.up'), doneKey('hostk8s.vscode.sandbox.up'));
});
