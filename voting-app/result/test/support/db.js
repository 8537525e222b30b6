'use strict';

const { Client } = require('pg');

/** Runs SQL statements against `url` on a short-lived connection. */
async function sql(url, ...statements) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}

// The schema the worker creates (same as the original sample app).
const CREATE_VOTES = 'CREATE TABLE IF NOT EXISTS votes (id VARCHAR(255) NOT NULL UNIQUE, vote VARCHAR(255) NOT NULL)';

function insertVotes(a, b) {
  const rows = [];
  for (let i = 0; i < a; i += 1) rows.push(`('a-${i}-${Math.random()}', 'a')`);
  for (let i = 0; i < b; i += 1) rows.push(`('b-${i}-${Math.random()}', 'b')`);
  return `INSERT INTO votes (id, vote) VALUES ${rows.join(', ')}`;
}

module.exports = { sql, CREATE_VOTES, insertVotes };
