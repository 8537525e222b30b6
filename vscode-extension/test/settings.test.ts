import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseVmargs, readSettings, serverArgs } from '../src/settings';
import { logLines } from '../src/protocol';
import { errorText } from '../src/model/results';

test('defaults when nothing is set', () => {
  const s = readSettings(() => undefined);
  assert.deepEqual(s, { javaHome: '', vmargs: ['-Xmx512m'], serverJar: '', trace: 'off' });
  assert.deepEqual(serverArgs(s, '/x/server.jar'), ['-Xmx512m', '-XX:+ExitOnOutOfMemoryError', '-jar', '/x/server.jar', 'lsp']);
});

test('values are read and trimmed; unknown trace falls back to off', () => {
  const values: Record<string, unknown> = { 'java.home': ' /opt/jdk ', 'server.vmargs': '-Xmx1g -Dx=1', 'server.jar': '/a.jar', 'trace.server': 'bogus' };
  const s = readSettings(<T>(k: string) => values[k] as T);
  assert.deepEqual(s, { javaHome: '/opt/jdk', vmargs: ['-Xmx1g', '-Dx=1'], serverJar: '/a.jar', trace: 'off' });
  assert.equal(readSettings(<T>(k: string) => (k === 'trace.server' ? 'verbose' : undefined) as T).trace, 'verbose');
});

test('vmargs keep quoted parts together', () => {
  assert.deepEqual(parseVmargs('-Dname="a b"  -Xss2m \'-Dq=c d\''), ['-Dname=a b', '-Xss2m', '-Dq=c d']);
  assert.deepEqual(parseVmargs(''), []);
});

test('error texts', () => {
  assert.equal(errorText('Up', { code: -32800, message: 'x' }), 'HostK8s: Up was cancelled.');
  const canceled = new Error('Canceled'); canceled.name = 'Canceled';
  assert.equal(errorText('Up', canceled), 'HostK8s: Up was cancelled.');
  assert.equal(errorText('Up', { code: 2001, message: 'no kubeconfig', data: { code: 2001, name: 'KUBECONFIG_MISSING', suggestions: ['start it'] } }),
    'HostK8s: Up failed: no kubeconfig. Fix: start it.');
});

test('log batches in both shapes; malformed ones give no lines', () => {
  assert.deepEqual(logLines({ service: 'vote', pod: 'vote-1', lines: ['a', 'b'] }), ['a', 'b']);
  assert.deepEqual(logLines({ service: 'vote', line: 'c' }), ['c']);
  assert.deepEqual(logLines({ lines: ['x'] } as any), []);
  assert.deepEqual(logLines(null), []);
});
