'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { Pool } = require('pg');
const { TestPostgres, postgresUnavailableReason } = require('./support/postgres');
const { sql, CREATE_VOTES, insertVotes } = require('./support/db');
const { ScorePoller, toScores } = require('../src/scores');

describe('toScores', () => {
  it('maps vote rows to {a, b}, ignoring unknown votes and defaulting to 0', () => {
    assert.deepEqual(toScores([{ vote: 'b', count: '7' }, { vote: 'x', count: '3' }]), { a: 0, b: 7 });
    assert.deepEqual(toScores([]), { a: 0, b: 0 });
  });
});

// Node 20 treats any skip value other than undefined/false as "skip", so map null to false.
const skip = postgresUnavailableReason() || false;

describe('ScorePoller against a real PostgreSQL', { skip }, () => {
  let pg;
  let pool;

  before(async () => {
    pg = await new TestPostgres().start();
    pool = new Pool({ connectionString: pg.url, connectionTimeoutMillis: 3000 });
    pool.on('error', () => {});
  });

  after(async () => {
    if (pool) await pool.end();
    if (pg) pg.destroy();
  });

  it('reports zero votes while the votes table does not exist yet', async () => {
    const poller = new ScorePoller(pool, 1000);
    assert.deepEqual(await poller.poll(), { a: 0, b: 0 });
    assert.equal(poller.dbError, null);
  });

  it('counts the rows per option', async () => {
    await sql(pg.url, CREATE_VOTES, insertVotes(3, 5));
    const poller = new ScorePoller(pool, 1000);
    const seen = [];
    poller.on('scores', (s) => seen.push(s));
    assert.deepEqual(await poller.poll(), { a: 3, b: 5 });
    await sql(pg.url, insertVotes(2, 0), "UPDATE votes SET vote = 'a' WHERE id LIKE 'b-0-%'");
    assert.deepEqual(await poller.poll(), { a: 6, b: 4 });
    assert.deepEqual(seen, [{ a: 3, b: 5 }, { a: 6, b: 4 }]);
  });

  it('keeps polling on a timer and records a failure when the database is unreachable', async () => {
    const dead = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/votes', connectionTimeoutMillis: 1000 });
    dead.on('error', () => {});
    const poller = new ScorePoller(dead, 50);
    try {
      assert.equal(await poller.poll(), null);
      assert.match(poller.dbError, /ECONNREFUSED|connect/i);
      const ticking = new ScorePoller(pool, 50);
      let count = 0;
      ticking.on('scores', () => { count += 1; });
      ticking.start();
      await new Promise((r) => setTimeout(r, 600));
      ticking.stop();
      assert.ok(count >= 3, `expected at least 3 polls in 600 ms, got ${count}`);
    } finally {
      await dead.end();
    }
  });
});
