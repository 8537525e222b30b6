'use strict';

const { EventEmitter } = require('node:events');
const { log, warn } = require('./log');

const SCORES_SQL = 'SELECT vote, COUNT(id) AS count FROM votes GROUP BY vote';
const UNDEFINED_TABLE = '42P01';

/** Turns `vote, count` rows into `{a, b}`; unknown votes are ignored, missing ones count 0. */
function toScores(rows) {
  const scores = { a: 0, b: 0 };
  for (const row of rows) {
    if (row.vote === 'a' || row.vote === 'b') {
      scores[row.vote] = Number.parseInt(row.count, 10);
    }
  }
  return scores;
}

/**
 * Polls Postgres every `intervalMs` and emits `scores` ({a, b}) after each successful query.
 * A missing `votes` table (the worker has not created it yet) counts as zero votes.
 * Connection failures are retried on the next tick; the state change is logged once.
 */
class ScorePoller extends EventEmitter {
  constructor(pool, intervalMs) {
    super();
    this.pool = pool;
    this.intervalMs = intervalMs;
    this.timer = null;
    this.stopped = true;
    this.latest = null;
    this.dbError = 'not polled yet';
  }

  start() {
    this.stopped = false;
    this.tick();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async tick() {
    await this.poll();
    if (!this.stopped) {
      this.timer = setTimeout(() => this.tick(), this.intervalMs);
    }
  }

  async poll() {
    let scores;
    try {
      scores = toScores((await this.pool.query(SCORES_SQL)).rows);
    } catch (err) {
      if (err.code !== UNDEFINED_TABLE) {
        this.markFailure(err);
        return null;
      }
      scores = { a: 0, b: 0 };
    }
    if (this.dbError !== null) log('connected to the database');
    this.dbError = null;
    this.latest = scores;
    this.emit('scores', scores);
    return scores;
  }

  markFailure(err) {
    const message = err.message || String(err);
    if (this.dbError !== message) warn(`waiting for the database: ${message}`);
    this.dbError = message;
  }
}

module.exports = { ScorePoller, toScores, SCORES_SQL };
