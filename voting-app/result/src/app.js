'use strict';

const http = require('node:http');
const { Pool } = require('pg');
const { Server } = require('socket.io');
const { createExpressApp } = require('./routes');
const { ScorePoller } = require('./scores');
const { log, warn } = require('./log');

/**
 * Strips `basePath` from request URLs so the app answers both at "/" and under the prefix
 * (e.g. "/result/socket.io" behind an ingress that does not rewrite). Runs before socket.io's handler.
 */
function installPrefixStripper(server, basePath) {
  if (!basePath) return;
  const strip = (req) => {
    const url = req.url || '/';
    if (url === basePath || url.startsWith(`${basePath}/`) || url.startsWith(`${basePath}?`)) {
      const rest = url.slice(basePath.length);
      req.url = rest.startsWith('/') ? rest : `/${rest}`;
    }
  };
  server.prependListener('request', strip);
  server.prependListener('upgrade', strip);
}

/** Wires Postgres polling, Express and socket.io together. Call listen(); close() releases everything. */
function createResultServer(config) {
  const pool = new Pool({
    connectionString: config.databaseUrl,
    connectionTimeoutMillis: 3000,
    query_timeout: 5000, // a hung database must not stall the poller forever
    max: 4,
  });
  pool.on('error', (err) => warn(`idle database connection failed: ${err.message}`));

  const poller = new ScorePoller(pool, config.pollIntervalMs);
  const app = createExpressApp({ config, pool, poller });
  const server = http.createServer(app);
  const io = new Server(server, { path: '/socket.io' });
  installPrefixStripper(server, config.basePath);

  io.on('connection', (socket) => {
    socket.emit('message', { text: 'Welcome!' });
    if (poller.latest) socket.emit('scores', JSON.stringify(poller.latest));
  });
  poller.on('scores', (scores) => io.emit('scores', JSON.stringify(scores)));

  function listen(port = config.port, host = config.host) {
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        poller.start();
        const actual = server.address().port;
        log(`listening on ${host}:${actual}${config.basePath ? ` (also under ${config.basePath}/)` : ''}`);
        resolve(actual);
      });
    });
  }

  async function close() {
    poller.stop();
    await new Promise((resolve) => io.close(() => resolve()));
    await pool.end().catch(() => {});
  }

  return { app, server, io, pool, poller, listen, close };
}

module.exports = { createResultServer, installPrefixStripper };
