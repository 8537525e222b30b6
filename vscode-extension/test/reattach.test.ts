// After the server took the engine over, the sessions that ended by themselves with the old owner are started again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LostSessions, isTakeOver, reattachLine } from '../src/model/reattach';

const vote = { type: 'hostk8s', request: 'attach', name: 'Debug vote', service: 'vote' };

test('a session whose adapter went away (killed owner: no terminated, just the end) is re-attached once', () => {
  const book = new LostSessions<Record<string, unknown>>();
  book.started('s1', vote);
  book.ended('s1', 1000);
  assert.deepEqual(book.toReattach(2000), [vote]);
  assert.deepEqual(book.toReattach(2100), []);
});

test('a session the adapter ended (clean stop: output, terminated, then VS Code disconnects) is re-attached, without the old token', () => {
  const book = new LostSessions<Record<string, unknown>>();
  book.started('s1', { ...vote, token: 'old-secret' });
  book.fromAdapter('s1', 'output');
  book.fromAdapter('s1', 'terminated');
  book.toAdapter('s1', 'disconnect');
  book.ended('s1', 1000);
  assert.deepEqual(book.toReattach(1500), [vote]);
});

test('a session its person stopped, one still running and one that ended long before are not', () => {
  const book = new LostSessions<Record<string, unknown>>();
  book.started('stopped', vote);
  book.toAdapter('stopped', 'disconnect');
  book.ended('stopped', 1000);
  book.started('running', vote);
  book.started('old', vote);
  book.ended('old', 1000);
  assert.deepEqual(book.toReattach(1000 + 60_000), []);
});

test('the take-over event is recognised and the console line says what happens', () => {
  const e = { type: 'engine.takeover', message: 'x', data: { formerOwnerPid: 41, ownerPid: 42, owner: true } };
  assert.equal(isTakeOver(e), true);
  assert.equal(isTakeOver({ type: 'sync.batch' }), false);
  assert.equal(reattachLine(e, 'Debug vote'), 'HostK8s: engine restarted (owner pid 41 went away, now pid 42); re-attaching "Debug vote".');
});
