'use strict';

const { loadConfig } = require('./src/config');
const { createResultServer } = require('./src/app');
const { log, warn } = require('./src/log');

async function main() {
  const service = createResultServer(loadConfig());
  await service.listen();
  let closing = false;
  const shutdown = (signal) => {
    if (closing) return;
    closing = true;
    log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    service.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  warn(`failed to start: ${err.stack || err}`);
  process.exit(1);
});
