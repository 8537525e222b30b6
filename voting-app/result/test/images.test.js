'use strict';

// Boots the two images' file layouts (see support/dockerfile.js) without a Docker engine.

const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { layOut } = require('./support/dockerfile');
const { freePort, waitFor } = require('./support/net');

const HERE = path.join(__dirname, '..');
const started = [];
const roots = [];

async function boot(dockerfile) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'result-image-'));
  roots.push(root);
  const image = layOut(path.join(HERE, dockerfile), root);
  const port = await freePort();
  const env = { ...process.env, ...image.env, PORT: String(port), HOST: '127.0.0.1',
    DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:1/votes' };
  // detached: the process gets its own group, so nodemon and its child can be killed together.
  const child = spawn(image.cmd[0], image.cmd.slice(1), { cwd: image.workdir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  child.stdout.on('data', (d) => { child.output += d; });
  child.stderr.on('data', (d) => { child.output += d; });
  child.exited = new Promise((resolve) => child.on('exit', resolve));
  started.push(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${origin}/livez`)).status === 200, 30000, `${dockerfile} to serve (${child.output})`);
  return { origin, app: image.workdir };
}

async function assertServes(origin) {
  for (const asset of ['/', '/app.js', '/stylesheets/style.css', '/socket.io/socket.io.js']) {
    assert.equal((await fetch(`${origin}${asset}`)).status, 200, asset);
  }
  assert.equal((await fetch(`${origin}/healthz`)).status, 503, 'no database in this test');
}

describe('image layouts (Dockerfile.dev / Dockerfile.prod)', () => {
  after(async () => {
    for (const child of started) {
      if (child.exitCode === null && child.signalCode === null) {
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
        await child.exited;
      }
    }
    for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
  });

  it('prod: only runtime files are copied and node server.js serves the page and socket.io', async () => {
    const { origin, app } = await boot('Dockerfile.prod');
    assert.ok(!fs.existsSync(path.join(app, 'test')), 'tests must not be in the prod image');
    await assertServes(origin);
  });

  it('dev: dependencies live outside /usr/local/app and nodemon reloads an edited file', async () => {
    const { origin, app } = await boot('Dockerfile.dev');
    assert.ok(!fs.existsSync(path.join(app, 'node_modules')), 'node_modules must be outside the synced code dir');
    assert.ok(fs.existsSync(path.join(app, '..', 'node_modules', 'express')));
    await assertServes(origin);
    const config = path.join(app, 'src', 'config.js');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace("'Cats'", "'Lions'"));
    await waitFor(async () => (await (await fetch(`${origin}/`)).text()).includes('>Lions<'), 30000, 'nodemon reload');
  });
});
