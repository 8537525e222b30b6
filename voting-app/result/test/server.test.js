'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { TestPostgres, postgresUnavailableReason } = require('./support/postgres');
const { sql, CREATE_VOTES, insertVotes } = require('./support/db');
const { receiveScores, getJson } = require('./support/clients');
const { waitFor } = require('./support/net');
const { loadConfig } = require('../src/config');
const { createResultServer } = require('../src/app');

const skip = postgresUnavailableReason() || false; // Node 20 skips on any value but undefined/false

describe('result server (in process, real PostgreSQL)', { skip }, () => {
  let pg;
  let service;
  let origin;

  before(async () => {
    pg = await new TestPostgres().start();
    const config = loadConfig({
      DATABASE_URL: pg.url, OPTION_A: 'Tabs <&>', OPTION_B: 'Spaces', BASE_PATH: '/result/', POLL_INTERVAL_MS: '200',
    });
    service = createResultServer(config);
    const port = await service.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${port}`;
  });

  after(async () => {
    if (service) await service.close();
    if (pg) pg.destroy();
  });

  it('serves zero scores before the worker has created the table', async () => {
    const { status, body } = await waitFor(async () => {
      const r = await getJson(`${origin}/api/scores`);
      return r.status === 200 && r;
    }, 15000, '/api/scores 200');
    assert.equal(status, 200);
    assert.deepEqual(body, { a: 0, b: 0 });
  });

  it('pushes scores computed from the rows to socket.io clients at /socket.io (websocket and polling)', async () => {
    await sql(pg.url, CREATE_VOTES, insertVotes(4, 2));
    const ws = await receiveScores(origin, '/socket.io', (s) => s.a === 4 && s.b === 2);
    assert.equal(ws.raw, JSON.stringify({ a: 4, b: 2 }));
    assert.deepEqual(ws.messages, [{ text: 'Welcome!' }]);
    const polling = await receiveScores(origin, '/socket.io', (s) => s.a === 4, { transports: ['polling'] });
    assert.deepEqual(polling.scores, { a: 4, b: 2 });
    assert.deepEqual(await getJson(`${origin}/api/scores`), { status: 200, body: { a: 4, b: 2 } });
  });

  it('serves socket.io, the API and the page under the BASE_PATH prefix too', async () => {
    await sql(pg.url, insertVotes(0, 3));
    const prefixed = await receiveScores(origin, '/result/socket.io', (s) => s.b === 5);
    assert.deepEqual(prefixed.scores, { a: 4, b: 5 });
    const polling = await receiveScores(origin, '/result/socket.io', (s) => s.b === 5, { transports: ['polling'] });
    assert.deepEqual(polling.scores, { a: 4, b: 5 });
    assert.deepEqual((await getJson(`${origin}/result/api/scores`)).body, { a: 4, b: 5 });
    for (const asset of ['/result/app.js', '/result/stylesheets/style.css', '/result/socket.io/socket.io.js']) {
      assert.equal((await fetch(`${origin}${asset}`)).status, 200, asset);
    }
  });

  it('renders OPTION_A/OPTION_B (escaped) and references assets by relative URLs only', async () => {
    for (const path of ['/', '/result/']) {
      const res = await fetch(`${origin}${path}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<div class="label">Tabs &#60;&#38;&#62;<\/div>/);
      assert.match(html, /<div class="label">Spaces<\/div>/);
      assert.doesNotMatch(html, /__OPTION_/);
      for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
        assert.ok(!url.startsWith('/') && !url.includes('//'), `absolute URL in page: ${url}`);
      }
    }
    const client = await (await fetch(`${origin}/app.js`)).text();
    assert.match(client, /path: base \+ 'socket\.io'/);
  });

  it('reports healthz 200 with the database, 503 without it, and recovers', async () => {
    assert.deepEqual(await getJson(`${origin}/healthz`), { status: 200, body: { status: 'ok', db: 'ok' } });
    pg.stop();
    const down = await getJson(`${origin}/healthz`);
    assert.equal(down.status, 503);
    assert.equal(down.body.status, 'unavailable');
    assert.notEqual(down.body.db, 'ok');
    assert.equal((await fetch(`${origin}/livez`)).status, 200);
    const scoresDown = await getJson(`${origin}/api/scores`);
    assert.equal(scoresDown.status, 503);
    assert.match(scoresDown.body.error, /database unavailable/);
    await pg.resume();
    await waitFor(async () => (await fetch(`${origin}/healthz`)).status === 200, 20000, 'healthz back to 200');
    await sql(pg.url, insertVotes(1, 0));
    const after = await receiveScores(origin, '/socket.io', (s) => s.a === 5);
    assert.deepEqual(after.scores, { a: 5, b: 5 });
  });
});
