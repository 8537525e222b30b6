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

  /** Queries the current scores; a missing votes table counts as zero votes, other errors are thrown. */
  async fetchScores() {
    try {
      return toScores((await this.pool.query(SCORES_SQL)).rows);
    } catch (err) {
      if (err.code === UNDEFINED_TABLE) return { a: 0, b: 0 };
      throw err;
    }
  }

  /** One polling round: fetch, remember, emit `scores`. Resolves null (and records the error) on failure. */
  async poll() {
    let scores;
    try {
      scores = await this.fetchScores();
    } catch (err) {
      this.markFailure(err);
      return null;
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
