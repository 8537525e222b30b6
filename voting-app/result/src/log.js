'use strict';

/** Minimal timestamped logger; everything goes to stdout/stderr so `kubectl logs` shows it. */
function log(message) {
  process.stdout.write(`${new Date().toISOString()} [result] ${message}\n`);
}

function warn(message) {
  process.stderr.write(`${new Date().toISOString()} [result] WARN ${message}\n`);
}

module.exports = { log, warn };
