'use strict';

const DEFAULT_DATABASE_URL = 'postgres://postgres:postgres@db/votes';

/** Normalises BASE_PATH ("result", "/result/", "/result") to "/result"; "" or "/" mean "no prefix". */
function normaliseBasePath(value) {
  const trimmed = String(value || '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}

function positiveInt(value, fallback, name) {
  if (value === undefined || value === '') return fallback;
  const parsed = Number.parseInt(value, 10);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return parsed;
}

/** Reads the service configuration from environment variables (see README.md). */
function loadConfig(env = process.env) {
  return {
    port: positiveInt(env.PORT, 80, 'PORT'),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    optionA: env.OPTION_A || 'Cats',
    optionB: env.OPTION_B || 'Dogs',
    basePath: normaliseBasePath(env.BASE_PATH),
    pollIntervalMs: positiveInt(env.POLL_INTERVAL_MS, 1000, 'POLL_INTERVAL_MS') || 1000,
  };
}

module.exports = { loadConfig, normaliseBasePath, DEFAULT_DATABASE_URL };
