'use strict';

const path = require('node:path');
const express = require('express');
const { renderIndex } = require('./page');

const HEALTH_QUERY_TIMEOUT_MS = 2000;

async function databaseHealthy(pool) {
  const timeout = new Promise((_, reject) => {
    const t = setTimeout(() => reject(new Error('health query timed out')), HEALTH_QUERY_TIMEOUT_MS);
    t.unref();
  });
  await Promise.race([pool.query('SELECT 1'), timeout]);
}

/** The Express app: the results page, static assets, /api/scores, /healthz (DB-aware) and /livez. */
function createExpressApp({ config, pool, poller }) {
  const app = express();
  app.disable('x-powered-by');

  app.get('/', (req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(renderIndex(config.optionA, config.optionB));
  });
  app.use(express.static(path.join(__dirname, '..', 'public'), { index: false }));

  // Asks the database now (not the last poll), so the answer is never stale.
  app.get('/api/scores', async (req, res) => {
    try {
      res.json(await poller.fetchScores());
    } catch (err) {
      res.status(503).json({ error: `database unavailable: ${err.message || err}` });
    }
  });

  app.get('/healthz', async (req, res) => {
    try {
      await databaseHealthy(pool);
      res.json({ status: 'ok', db: 'ok' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', db: err.message || String(err) });
    }
  });

  // Liveness: the process answers HTTP. Deliberately independent of the database.
  app.get('/livez', (req, res) => res.json({ status: 'ok' }));

  return app;
}

module.exports = { createExpressApp };
