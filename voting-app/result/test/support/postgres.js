'use strict';

// Starts a throw-away PostgreSQL cluster on a free loopback port for the tests.
// As root, initdb/pg_ctl run as the `postgres` OS user (postgres refuses to run as root).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort } = require('./net');
const { sql } = require('./db');

function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  for (const dir of (process.env.PATH || '').split(path.delimiter)) candidates.push(dir);
  const lib = '/usr/lib/postgresql';
  if (fs.existsSync(lib)) {
    for (const v of fs.readdirSync(lib).sort((x, y) => Number(y) - Number(x))) candidates.push(path.join(lib, v, 'bin'));
  }
  const dir = candidates.find((d) => d && fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
  return dir ? path.dirname(fs.realpathSync(path.join(dir, 'initdb'))) : null;
}

/** Returns null when postgres is usable, else the reason; under CI=true a missing postgres is an error. */
function postgresUnavailableReason() {
  if (findPgBin()) return null;
  const reason = 'PostgreSQL (initdb/pg_ctl) not found; install it (Debian: apt-get install postgresql)';
  if (process.env.CI === 'true') throw new Error(`CI=true: ${reason}`);
  return reason;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function run(bin, args) {
  const [cmd, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000 }).toString();
}

class TestPostgres {
  /** Creates and starts the cluster with an empty `votes` database; cleans up after itself if that fails. */
  async start() {
    try {
      await this.init();
      return this;
    } catch (err) {
      this.destroy();
      throw err;
    }
  }

  async init() {
    this.bin = findPgBin();
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'result-pg-'));
    this.data = path.join(this.dir, 'data');
    if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', this.dir]);
    run(path.join(this.bin, 'initdb'), ['-D', this.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    this.port = await freePort();
    await this.resume();
    await sql(`postgres://postgres@127.0.0.1:${this.port}/postgres`, 'CREATE DATABASE votes');
  }

  /** (Re)starts the server on the same port and data directory; waits until it accepts connections. */
  async resume() {
    const opts = `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dir} -c fsync=off`;
    this.running = true; // set first so destroy() also stops a server whose start timed out
    run(path.join(this.bin, 'pg_ctl'), ['-D', this.data, '-l', path.join(this.dir, 'pg.log'), '-w', '-t', '60', '-o', opts, 'start']);
  }

  /** Stops the server (fast shutdown: connections are terminated). */
  stop() {
    if (!this.running) return;
    run(path.join(this.bin, 'pg_ctl'), ['-D', this.data, '-w', '-t', '60', '-m', 'fast', 'stop']);
    this.running = false;
  }

  get url() {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/votes`;
  }

  destroy() {
    try {
      this.stop();
    } catch (err) {
      process.stderr.write(`postgres stop failed: ${err.message}\n`);
    }
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { TestPostgres, postgresUnavailableReason };
