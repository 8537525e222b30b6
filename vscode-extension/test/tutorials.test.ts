// The walkthrough's steps open the tutorials' parts (docs/tutorials/ of this repository): every link names a tutorial
// file that exists and a heading it has; Level 400's six parts and Level 500's first, third and last are reachable.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tutorialLinks, tutorialPath, TUTORIALS } from '../src/model/tutorials';

const root = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const docs = path.join(root, '..', 'docs', 'tutorials');

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes. */
function anchors(file: string): string[] {
  const md = fs.readFileSync(path.join(docs, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return [...md.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map(m => m[1].toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-'));
}

test('every tutorial link of the walkthrough opens an existing tutorial at an existing heading', () => {
  const [walkthrough] = pkg.contributes.walkthroughs;
  const seen: string[] = [];
  for (const step of walkthrough.steps) {
    const links = tutorialLinks(step.description);
    assert.ok(links.length, `${step.id} links to its tutorial part`);
    for (const l of links) {
      assert.ok(TUTORIALS.includes(l.file), `${step.id}: ${l.file} is a tutorial`);
      assert.ok(fs.existsSync(path.join(docs, l.file)), `${step.id}: docs/tutorials/${l.file} exists`);
      assert.ok(l.anchor && anchors(l.file).includes(l.anchor), `${step.id}: #${l.anchor} is a heading of ${l.file}`);
      seen.push(`${l.file}#${l.anchor}`);
    }
  }
  for (const n of [1, 2, 3, 4, 5, 6]) assert.ok(seen.some(s => s.startsWith(`development-workflows.md#part-${n}-`)), `Level 400 part ${n}`);
  for (const n of [1, 3, 7]) assert.ok(seen.some(s => s.startsWith(`digitalocean-deployment.md#part-${n}-`)), `Level 500 part ${n}`);
  assert.ok(!walkthrough.steps.some((s: any) => s.media.markdown.includes('level500')), 'the Level 500 placeholder is gone');
  for (const s of walkthrough.steps) assert.ok(fs.existsSync(path.join(root, s.media.markdown)), s.media.markdown);
});

test('only the tutorials can be opened, README.md by default', () => {
  assert.deepEqual(tutorialPath(undefined), ['docs', 'tutorials', 'README.md']);
  assert.deepEqual(tutorialPath('development-workflows.md'), ['docs', 'tutorials', 'development-workflows.md']);
  assert.equal(tutorialPath('../../etc/passwd'), undefined);
  assert.equal(tutorialPath('../README.md'), undefined);
});

test('the packaged copy is docs/ whole: a tutorial has the same path in it, and every page and image a tutorial links resolves there', () => {
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(ignore.includes('!docs/**'), '.vscodeignore packages docs/');
  assert.match(fs.readFileSync(path.join(root, 'scripts', 'package.mjs'), 'utf8'), /cpSync\(path\.join\(root, '\.\.', 'docs'\), docs/);
  const docsRoot = path.resolve(docs, '..');
  for (const t of TUTORIALS) {
    const md = fs.readFileSync(path.join(docs, t), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
    for (const [, target] of md.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target) || target.startsWith('#')) continue;
      const file = path.resolve(docs, target.split('#')[0]);
      assert.ok(file.startsWith(docsRoot + path.sep), `${t}: link ${target} leaves docs/ (not in the packaged copy)`);
      assert.ok(fs.existsSync(file), `${t}: link ${target} resolves`);
    }
  }
});
