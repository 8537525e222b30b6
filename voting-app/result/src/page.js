'use strict';

const fs = require('node:fs');
const path = require('node:path');

const TEMPLATE = path.join(__dirname, '..', 'views', 'index.html');

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders views/index.html with the two option labels (HTML-escaped). Read per request so edits show at once. */
function renderIndex(optionA, optionB) {
  return fs.readFileSync(TEMPLATE, 'utf8')
    .replaceAll('__OPTION_A__', escapeHtml(optionA))
    .replaceAll('__OPTION_B__', escapeHtml(optionB));
}

module.exports = { renderIndex, escapeHtml };
