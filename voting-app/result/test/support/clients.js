'use strict';

const { io } = require('socket.io-client');

/** Connects a real socket.io client and resolves with the first `scores` payload matching `accept`. */
function receiveScores(origin, path, accept = () => true, { transports = ['websocket'], timeoutMs = 15000 } = {}) {
  return new Promise((resolve, reject) => {
    const socket = io(origin, { path, transports, reconnection: false, forceNew: true, timeout: timeoutMs });
    const messages = [];
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no matching scores on ${path} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`connect_error on ${path}: ${err.message}`));
    });
    socket.on('message', (m) => messages.push(m));
    socket.on('scores', (json) => {
      const scores = JSON.parse(json);
      if (!accept(scores)) return;
      clearTimeout(timer);
      socket.close();
      resolve({ scores, messages, raw: json });
    });
  });
}

async function getJson(url) {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

module.exports = { receiveScores, getJson };
