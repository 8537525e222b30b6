'use strict';

// Runs the browser script public/app.js in a VM with a minimal DOM and a recording socket.io stub.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const SCRIPT = fs.readFileSync(path.join(__dirname, '..', 'public', 'app.js'), 'utf8');

function runAt(pathname) {
  const elements = {};
  const handlers = {};
  const options = [];
  const style = {};
  const context = {
    location: { pathname },
    console: { log() {} },
    io: (opts) => { options.push(opts); return { on: (event, fn) => { handlers[event] = fn; } }; },
    document: {
      getElementById: (id) => { elements[id] = elements[id] || { textContent: '', className: '' }; return elements[id]; },
      body: { style: { setProperty: (k, v) => { style[k] = v; } } },
    },
  };
  vm.runInNewContext(SCRIPT, context);
  return { options, handlers, elements, style };
}

describe('results page script', () => {
  it('derives the socket.io path from the page location', () => {
    assert.equal(runAt('/').options[0].path, '/socket.io');
    assert.equal(runAt('/result/').options[0].path, '/result/socket.io');
    assert.equal(runAt('/a/b/index.html').options[0].path, '/a/b/socket.io');
  });

  it('renders percentages and the vote count from a scores message', () => {
    const page = runAt('/result/');
    page.handlers.scores(JSON.stringify({ a: 1, b: 3 }));
    assert.equal(page.elements['percent-a'].textContent, '25.0%');
    assert.equal(page.elements['percent-b'].textContent, '75.0%');
    assert.equal(page.elements.total.textContent, '4 votes');
    assert.equal(page.style['--split'], '25%');
    page.handlers.scores(JSON.stringify({ a: 0, b: 0 }));
    assert.equal(page.elements['percent-a'].textContent, '50.0%');
    assert.equal(page.elements.total.textContent, 'No votes yet');
    page.handlers.connect();
    assert.equal(page.elements.connection.className, 'online');
  });
});
