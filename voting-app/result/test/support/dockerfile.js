'use strict';

// A tiny interpreter for the subset of Dockerfile used by Dockerfile.dev/.prod (FROM, ENV, WORKDIR, COPY, RUN,
// USER, EXPOSE, CMD). It lays the image's files out under a temporary root so a test can start the CMD there:
// there is no Docker engine on the test machines, and this still catches a missing COPY or a broken module path.
// `RUN npm ci ...` is emulated by linking this checkout's node_modules next to the copied package.json.

const fs = require('node:fs');
const path = require('node:path');

function instructions(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/\\\n/g, ' ');
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => { const [op, ...rest] = l.split(/\s+/); return { op: op.toUpperCase(), args: rest.join(' ') }; });
}

function ignoreMatcher(context) {
  const file = path.join(context, '.dockerignore');
  const patterns = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')).map((p) => p.replace(/\/+$/, '')) : [];
  const regexes = patterns.map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));
  return (name) => regexes.some((r) => r.test(name));
}

function copyInto(src, dest, ignored) {
  const stat = fs.statSync(src);
  if (!stat.isDirectory()) {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(src, dest);
    return;
  }
  fs.mkdirSync(dest, { recursive: true });
  for (const name of fs.readdirSync(src)) {
    if (!ignored(name)) copyInto(path.join(src, name), path.join(dest, name), () => false);
  }
}

/** Lays out `dockerfile` (context = its directory) under `root`; returns {env, workdir, cmd} for running CMD. */
function layOut(dockerfile, root) {
  const context = path.dirname(dockerfile);
  const ignored = ignoreMatcher(context);
  const env = {};
  let workdir = '/';
  let cmd = null;
  const inRoot = (p) => path.join(root, path.posix.resolve(workdir, p));
  for (const { op, args } of instructions(dockerfile)) {
    if (op === 'WORKDIR') {
      workdir = path.posix.resolve(workdir, args);
      fs.mkdirSync(inRoot('.'), { recursive: true });
    } else if (op === 'ENV') {
      for (const [, k, v] of args.matchAll(/(\w+)=(\S+)/g)) env[k] = v.replace(/\$PATH/, process.env.PATH);
    } else if (op === 'COPY') {
      const parts = args.split(/\s+/);
      const dest = parts.pop();
      for (const src of parts) {
        const target = src === '.' ? inRoot(dest) : inRoot(dest.endsWith('/') ? path.join(dest, src) : dest);
        copyInto(path.join(context, src), target, src === '.' ? ignored : () => false);
      }
    } else if (op === 'RUN' && /\bnpm ci\b/.test(args)) {
      fs.symlinkSync(path.join(context, 'node_modules'), inRoot('node_modules'));
    } else if (op === 'CMD') {
      cmd = JSON.parse(args);
    }
  }
  // Absolute paths in ENV (e.g. PATH=/usr/local/node_modules/.bin) point into the laid-out root.
  if (env.PATH) env.PATH = env.PATH.split(':').map((p) => (p.startsWith('/usr/local/') ? path.join(root, p) : p)).join(':');
  return { env, workdir: inRoot('.'), cmd };
}

module.exports = { layOut };
