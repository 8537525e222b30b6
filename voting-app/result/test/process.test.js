'use strict';

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { TestPostgres, postgresUnavailableReason } = require('./support/postgres');
const { freePort, waitFor } = require('./support/net');
const { receiveScores } = require('./support/clients');

const skip = postgresUnavailableReason() || false; // Node 20 skips on any value but undefined/false
const SERVER = path.join(__dirname, '..', 'server.js');

function startServer(env) {
  const child = spawn(process.execPath, [SERVER], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; });
  child.stderr.on('data', (d) => { child.output += d; });
  child.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return child;
}

function track(children, child) {
  children.push(child);
  return child;
}

describe('node server.js (configured by environment only)', { skip }, () => {
  let pg;
  let child;
  const children = [];

  before(async () => {
    pg = await new TestPostgres().start();
  });

  after(async () => {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await c.exited;
      }
    }
    if (pg) pg.destroy();
  });

  it('honours PORT and DATABASE_URL, defaults to Cats/Dogs, and exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    child = track(children, startServer({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: pg.url }));
    const origin = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${origin}/healthz`)).status === 200, 20000, `server.js healthz (${child.output})`);
    const html = await (await fetch(`${origin}/`)).text();
    assert.match(html, /<div class="label">Cats<\/div>/);
    assert.match(html, /<div class="label">Dogs<\/div>/);
    const { scores, messages } = await receiveScores(origin, '/socket.io');
    assert.deepEqual(scores, { a: 0, b: 0 });
    assert.deepEqual(messages, [{ text: 'Welcome!' }]);
    child.kill('SIGTERM');
    const { code } = await child.exited;
    assert.equal(code, 0, child.output);
    assert.match(child.output, /SIGTERM received/);
  });

  it('renders OPTION_A/OPTION_B from the environment', async () => {
    const port = await freePort();
    child = track(children, startServer({ PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: pg.url, OPTION_A: 'Java', OPTION_B: 'Python' }));
    const origin = `http://127.0.0.1:${port}`;
    const html = await waitFor(async () => {
      const res = await fetch(`${origin}/`);
      return res.status === 200 && res.text();
    }, 20000, `server.js page (${child.output})`);
    assert.match(html, /<title>Java vs Python -- Result<\/title>/);
    child.kill('SIGTERM');
    assert.equal((await child.exited).code, 0, child.output);
  });
});
