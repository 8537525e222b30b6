// The walkthrough, Level 400 and Level 500 (issue 20): "Welcome: Open Walkthrough..." lists every step of
// package.json's walkthrough; in each step every tutorial link opens that tutorial in the Markdown preview at the
// part's heading (the preview's tab title and the heading scrolled into view), and every command button runs its
// command: what the command shows first (its question, its progress or its result, named by the server's title) is
// asserted, then dismissed. Start Sandbox and Start Cluster are clicked by errors.js (failure and success). Called with
// the cluster stopped; leaves it stopped.
const fs = require('node:fs');
const path = require('node:path');
const pkg = require('../package.json');

const [WALKTHROUGH] = pkg.contributes.walkthroughs;
const DOCS = path.join(__dirname, '..', '..', 'docs', 'tutorials');
/** Clicked (failing and succeeding) by errors.js, each a long start here. */
const ELSEWHERE = new Set(['hostk8s.vscode.sandbox.up', 'hostk8s.vscode.cluster.start']);
/** The client's own commands: what each shows first. */
const CLIENT = { 'hostk8s.vscode.setDigitalOceanToken': /DigitalOcean API token/, 'hostk8s.vscode.debug': /HostK8s: Debug Service in Cluster/ };

/** The links of a step's description: [text](command:id?args) — the walkthrough shows each as a button. */
const links = description => [...description.matchAll(/\[([^\]]+)\]\(command:([\w.]+)(?:\?([^)]+))?\)/g)]
  .map(([, text, id, args]) => ({ text, id, args: args ? JSON.parse(decodeURIComponent(args)) : [] }));

/** The heading text whose preview anchor is `anchor` (the Markdown preview's slugs: lower case, punctuation dropped). */
function heading(file, anchor) {
  const md = fs.readFileSync(path.join(DOCS, file), 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const h = [...md.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map(m => m[1])
    .find(t => t.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-') === anchor);
  if (!h) throw new Error(`${file} has no heading #${anchor}`);
  return h;
}

module.exports = async function walkthrough({ page, log, shot, runCommand, pickItem, describe, esc }) {
  const t0 = Date.now();
  const open = async () => {
    await runCommand('Welcome: Open Walkthrough...');
    await pickItem(WALKTHROUGH.title);
  };
  await open();
  const level500 = WALKTHROUGH.steps.findIndex(s => s.id === 'level500');
  for (const [i, s] of WALKTHROUGH.steps.entries()) {
    await page.locator('.getting-started-step', { hasText: s.title }).first().waitFor({ state: 'attached', timeout: 30000 });
    log(`walkthrough lists ${i < level500 ? 'Level 400' : 'Level 500'} step "${s.title}"`);
  }
  if (level500 < 6 || WALKTHROUGH.steps.length - level500 < 2) throw new Error('the walkthrough lacks its Level 400 or Level 500 steps');

  const toasts = '.notifications-toasts';
  const stepOf = s => page.locator('.getting-started-step', { hasText: s.title }).first();
  const button = (s, text) => stepOf(s).locator('.button-link, .monaco-button, a', { hasText: text }).first();
  /** Back on the walkthrough, the step expanded and its button visible (Escape goes back to the Welcome page). */
  async function reveal(s, text) {
    const tab = page.locator('.tabs-container .tab', { hasText: 'Welcome' }).first();
    if (await tab.count()) await tab.click();
    // the walkthrough's page slides out to the right when the Welcome page shows its list of walkthroughs
    const shown = await stepOf(s).evaluate(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right <= window.innerWidth; })
      .catch(() => false);
    if (!shown) {
      const entry = page.locator('.getting-started-category', { hasText: WALKTHROUGH.title }).first();
      if (await entry.isVisible()) await entry.click();
      else await open();
    }
    if (!(await button(s, text).isVisible())) await stepOf(s).click();
    await button(s, text).waitFor({ state: 'visible', timeout: 10000 });
  }

  for (const s of WALKTHROUGH.steps) {
    for (const l of links(s.description)) {
      if (ELSEWHERE.has(l.id)) continue;
      await reveal(s, l.text);
      await button(s, l.text).click();
      if (l.id === 'hostk8s.vscode.openTutorial') await tutorialOpened(s, l);
      else await commandRan(s, l);
    }
  }
  log(`walkthrough: every step listed, every link and button checked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await page.keyboard.press('Control+W'); // close the walkthrough tab

  /** The preview tab "Preview <file>" is active and the part's heading is in view at the top of the preview. */
  async function tutorialOpened(s, { args: [file, anchor] }) {
    const want = heading(file, anchor);
    const tab = page.locator('.tabs-container .tab.active', { hasText: `Preview ${file}` });
    await tab.waitFor({ state: 'visible', timeout: 20000 });
    let where;
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      for (const f of page.frames()) {
        where = await f.evaluate(id => {
          const h = document.getElementById(id);
          return h ? { text: h.textContent.trim(), top: h.getBoundingClientRect().top, height: window.innerHeight } : undefined;
        }, anchor).catch(() => undefined);
        if (where) break;
      }
      if (where && where.top >= -2 && where.top < where.height / 3) break;
      await page.waitForTimeout(200);
    }
    if (!where) throw new Error(`"${s.title}": the preview of ${file} has no heading #${anchor}`);
    if (where.text !== want) throw new Error(`"${s.title}": #${anchor} is "${where.text}", expected "${want}"`);
    if (!(where.top >= -2 && where.top < where.height / 3)) throw new Error(`"${s.title}": "${want}" is not scrolled into view (top ${where.top} of ${where.height})`);
    log(`"${s.title}" → Preview ${file} at "${want}"`);
    if (file === 'digitalocean-deployment.md' && anchor.startsWith('part-1-')) await shot('walkthrough-tutorial-level500');
    await tab.click({ button: 'middle' }); // closes the tab
    await tab.waitFor({ state: 'detached', timeout: 10000 });
  }

  /**
   * What the command shows first names it (its question, progress or result; the cloud commands may ask for the token
   * first); then every question, dialog and progress it shows is dismissed until it has ended.
   */
  async function commandRan(s, { text, id }) {
    const server = id.replace(/^hostk8s\.vscode\./, 'hostk8s.');
    const d = describe(server);
    // its title, or that of the preview its consent shows first (teardown: publish status), or that consent's question
    const names = d ? [d.title, ...d.arguments.filter(a => a.preview).flatMap(a => [describe(a.preview)?.title ?? a.preview, a.prompt])] : [];
    const named = CLIENT[id] ?? (d ? new RegExp(`HostK8s:? (${names.map(esc).join('|')})|${names.map(esc).join('|')}`) : /does not provide/);
    const want = server.startsWith('hostk8s.publish.') ? new RegExp(`${named.source}|${CLIENT['hostk8s.vscode.setDigitalOceanToken'].source}`) : named;
    const firstShown = timeout => page.waitForFunction(src => {
      const re = new RegExp(src);
      const visible = sel => [...document.querySelectorAll(sel)].filter(e => e.offsetParent !== null).map(e => e.innerText);
      const hit = [['question', visible('.quick-input-widget')], ['dialog', visible('.monaco-dialog-box')],
        ['notification', visible('.notifications-toasts .notification-list-item')]]
        .flatMap(([kind, texts]) => texts.filter(t => re.test(t)).map(t => ({ kind, text: t })));
      return hit[0];
    }, want.source, { timeout, polling: 200 }).then(h => h.jsonValue());
    // a click that lands while the step is still expanding is lost: nothing shown after 10 s, click once more
    const shown = await firstShown(10000).catch(async () => {
      log(`"${s.title}" → ${text}: nothing shown after 10 s, clicking again`);
      await button(s, text).click();
      return firstShown(30000);
    });
    log(`"${s.title}" → ${text}: ${shown.kind} "${shown.text.split('\n').find(l => want.test(l)) ?? shown.text.split('\n')[0]}"`);
    // dismissed as a person would: Escape on a question or dialog, Cancel on a progress; until it has ended (no
    // progress) and nothing came for 0.6 s
    const cancel = page.locator(`${toasts} .monaco-button`, { hasText: 'Cancel' });
    // running: a progress toast, or the command's title after the state in the status bar ("HostK8s: stopped · …")
    const busy = () => page.evaluate(() => document.querySelector('.notifications-toasts .monaco-progress-container.active') !== null
      || !/HostK8s: stopped$/m.test(document.querySelector('#workbench\\.parts\\.statusbar')?.innerText ?? ''));
    for (let quiet = 0, until = Date.now() + 90000; quiet < 3;) {
      if (Date.now() > until) throw new Error(`"${s.title}" → ${text}: still running or asking after 90 s`);
      if (await page.locator('.quick-input-widget').isVisible() || await page.locator('.monaco-dialog-box').isVisible()) {
        await page.keyboard.press('Escape');
        quiet = 0;
      } else if (await cancel.count()) {
        // (it may have ended already, or sit in a toast that is not shown: no 60 s default wait for that)
        await cancel.first().click({ timeout: 2000 }).catch(() => undefined);
        quiet = 0; // (no waiting here for it to go: the command may first ask for the token, answered above)
      } else if (await busy()) {
        quiet = 0; // still running (a cloud command may ask for the token next)
      } else {
        quiet++;
      }
      await page.waitForTimeout(200);
    }
    // closed with their own buttons: the palette's Escape would leave the walkthrough for the Welcome page
    const clear = page.locator(`${toasts} .notification-list-item .codicon-notifications-clear`);
    for (let i = 0; i < 10 && await clear.count(); i++) await clear.first().click().catch(() => undefined);
  }
};
