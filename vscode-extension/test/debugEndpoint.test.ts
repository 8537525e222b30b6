// VS Code connects to the debug adapter's Unix socket when the server offers one, else to TCP with the token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adapterAddress, tokenForAttach } from '../src/model/debugEndpoint';

const both = { path: '/ws/.hostk8s/engine/debug-1-1.sock', host: '127.0.0.1', port: 4711, token: 's3cret' };

test('the socket is preferred, and then no token goes into the debug configuration', () => {
  assert.deepEqual(adapterAddress(both), { pipe: both.path });
  assert.equal(tokenForAttach(both), undefined);
});

test('without a socket: TCP, and the attach carries the token', () => {
  const tcp = { ...both, path: null };
  assert.deepEqual(adapterAddress(tcp), { host: '127.0.0.1', port: 4711 });
  assert.equal(tokenForAttach(tcp), 's3cret');
});

test('an answer without an address gives none', () => {
  assert.equal(adapterAddress({}), undefined);
  assert.equal(adapterAddress(undefined), undefined);
});
