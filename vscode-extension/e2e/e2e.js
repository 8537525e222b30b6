// Drives code-server in headless chromium: palette commands → status bar + HostK8s view. Screenshots per step.
// Env: CS_URL, OUT_DIR, CHROMIUM, ANNOUNCED (server command ids, space separated), COMMANDS_JSON (the server's
// `commands --json`: the titles and result templates the notifications must come from).
const { chromium } = require('playwright-core');
const path = require('node:path');

const announced = new Set((process.env.ANNOUNCED || '').split(/\s+/).filter(Boolean));
const described = new Map(JSON.parse(require('node:fs').readFileSync(process.env.COMMANDS_JSON, 'utf8')).map(d => [d.id, d]));
const esc = s => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The server's title of a command, as the progress notification and error texts show it. */
const title = id => described.get(id).title;
/** A regex for the notification the server's result template makes ({field} → any text). */
const summaryRe = id => {
  const t = described.get(id).result.summary;
  return new RegExp(`${/^HostK8s\b/.test(t) ? '' : 'HostK8s: '}${t.split(/\{[\w.$]+\}/).map(esc).join('.+?')}`);
};
const started = Date.now();
const log = msg => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
let page, step = 0;

async function shot(name) {
  const file = path.join(process.env.OUT_DIR, `${String(++step).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${file}`);
}
const statusBar = () => page.evaluate(() => document.querySelector('#workbench\\.parts\\.statusbar')?.innerText ?? '');
async function waitStatus(re, timeout) {
  log(`waiting for status bar ${re}`);
  await page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(document.querySelector('#workbench\\.parts\\.statusbar')?.innerText ?? ''),
    [re.source, re.flags], { timeout, polling: 250 });
  const text = (await statusBar()).split('\n').find(l => re.test(l)) ?? '';
  log(`status bar: ${text.trim()}`);
}
async function waitText(selector, re, timeout) {
  await page.waitForFunction(([sel, src]) => [...document.querySelectorAll(sel)].some(e => new RegExp(src).test(e.innerText)),
    [selector, re.source], { timeout, polling: 250 });
}
async function openPalette(query) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 15000 });
  // type only once the palette's input has the focus (else the keys land in the editor)
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') != null, null, { timeout: 15000, polling: 100 });
  await page.keyboard.type(query);
}
/** True when the palette lists the command (a row whose label is exactly `title`). */
async function paletteHas(title, timeout = 4000) {
  await openPalette(title);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first();
  const found = await row.waitFor({ state: 'attached', timeout }).then(() => true, () => false);
  await page.keyboard.press('Escape');
  return found;
}
async function runCommand(title) {
  log(`palette: ${title}`);
  await openPalette(title);
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title}"]`).first();
  await row.waitFor({ state: 'attached', timeout: 20000 });
  await row.click();
}
/** Picks the quick pick row whose label starts with `label` (an argument prompt). */
async function pickItem(label) {
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${label}"]`).first();
  await row.waitFor({ state: 'attached', timeout: 20000 });
  await row.click();
}
async function openFile(name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget').waitFor({ state: 'visible', timeout: 15000 });
  await page.waitForFunction(() => document.activeElement?.closest('.quick-input-widget') != null, null, { timeout: 15000, polling: 100 });
  await page.keyboard.type(name);
  const file = page.locator(`.quick-input-list .monaco-list-row[aria-label*="${path.basename(name)}"]`).first();
  await file.waitFor({ state: 'attached', timeout: 20000 });
  await file.click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 20000 });
}
async function showHostK8sView() {
  const icon = page.locator('.activitybar .action-item a[aria-label^="HostK8s"], .activitybar .action-item[aria-label^="HostK8s"]').first();
  if (!(await page.locator('.pane-header[aria-label^="HostK8s"], .composite.title:has-text("HostK8s")').count())) await icon.click();
  await page.locator('.pane-body .monaco-list-row').first().waitFor({ state: 'attached', timeout: 20000 });
}
async function waitTree(re, timeout) {
  await page.waitForFunction(src => new RegExp(src).test([...document.querySelectorAll('.pane-body .monaco-list-row')]
    .map(r => r.getAttribute('aria-label') || '').join(' | ')), re.source, { timeout, polling: 250 });
}
const showRunAndDebug = require('./runAndDebug');
const tree = () => page.evaluate(() => [...document.querySelectorAll('.monaco-list-row')]
  .map(r => r.getAttribute('aria-label') || r.innerText).join(' | '));

/** Port-forward vote, F9 on the POST route, F5 "Debug vote in cluster", vote over HTTP: VS Code stops on the line. */
async function debugVote() {
  await runCommand('HostK8s: Port-Forward Service');
  const pick = page.locator('.quick-input-list .monaco-list-row[aria-label^="vote"]').first();
  await pick.waitFor({ state: 'attached', timeout: 20000 });
  await pick.click();
  await waitText('.notifications-toasts', /vote is forwarded to 127\.0\.0\.1:\d+/, 60000);
  const toast = await page.locator('.notifications-toasts').innerText();
  const port = Number(/vote is forwarded to 127\.0\.0\.1:(\d+)/.exec(toast)[1]);
  log(`vote forwarded to 127.0.0.1:${port}`);
  await page.keyboard.press('Escape');
  await waitTree(/Forward http: http:\/\/127\.0\.0\.1:\d+\/ → 80 \(active\)/, 30000);

  // open app.py at the POST route and toggle a breakpoint on `vote = request.form.get("vote")`
  await openFile('voting-app/vote/app.py');
  const line = await lineOf('vote = request.form.get("vote")');
  await runCommand('Go to Line/Column...');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await runCommand('Debug: Toggle Breakpoint');
  await page.locator('.codicon-debug-breakpoint-unverified, .codicon-debug-breakpoint').first().waitFor({ state: 'attached', timeout: 10000 });

  await runCommand('Debug: Select and Start Debugging');
  const cfg = page.locator('.quick-input-list .monaco-list-row[aria-label*="Debug vote in cluster"]').first();
  await cfg.waitFor({ state: 'attached', timeout: 20000 });
  await cfg.click();
  await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 60000 });
  await showHostK8sView();
  await waitTree(/Debug python: attached/, 60000);
  log('debug session attached');
  await shot('debug-attached');

  const voted = fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'vote=a',
    headers: { 'content-type': 'application/x-www-form-urlencoded' } }).then(r => r.status, e => `error ${e.message}`);
  await showRunAndDebug(page);
  // stopped: the editor's top-stack-frame marker on the line (the Call Stack's "PAUSED ON BREAKPOINT" label can be
  // scrolled out of its virtual list when Flask has many request threads)
  await page.locator('.debug-top-stack-frame-column, .codicon-debug-stackframe').first().waitFor({ state: 'attached', timeout: 60000 });
  await waitText('.pane-body', /PAUSED/, 20000);
  log('stopped on the breakpoint in cast()');
  await shot('debug-stopped');
  await runCommand('Debug: Continue');
  const status = await voted;
  log(`vote answered ${status} after continue`);
  if (status !== 200) throw new Error(`the vote did not complete after continue: ${status}`);
  // The user story: save an edit while debugging — sync reloads the app, the session stays up.
  if (announced.has('hostk8s.sync.start')) {
    await editSaveServed(port);
    // vote's dev server reloads app.py in place: the same process, so the session stays attached (no re-attach)
    // and the breakpoint still stops in the reloaded cast()
    if (!(await page.locator('.debug-toolbar').isVisible())) throw new Error('the debug session ended on the reload');
    await showHostK8sView();
    await waitTree(/Debug python: attached/, 30000);
    const again = fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'vote=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' } }).then(r => r.status, e => `error ${e.message}`);
    await showRunAndDebug(page);
    await page.locator('.debug-top-stack-frame-column, .codicon-debug-stackframe').first().waitFor({ state: 'attached', timeout: 60000 });
    log('stopped on the breakpoint again after the reload');
    await runCommand('Debug: Continue');
    const second = await again;
    if (second !== 200) throw new Error(`the vote after the reload did not complete after continue: ${second}`);
    const toasts = await page.locator('.notifications-toasts').innerText().catch(() => '');
    if (/refers to a process that is gone|cannot run now/.test(toasts)) throw new Error(`the reload surfaced an error to the user: ${toasts}`);
    log('debug session survived the reload (in place, same process) and stopped again, no error shown');
    await shot('debug-after-reload');
  }
  await runCommand('Debug: Disconnect');
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30000 });
}

/** hostk8s.dev.yaml: the server's "Debug" code lens above vote starts the hostk8s debug session for vote. */
async function codeLensDebug() {
  await openFile('hostk8s.dev.yaml');
  const lens = page.locator('.codelens-decoration a', { hasText: /^Debug$/ }).first();
  await lens.waitFor({ state: 'visible', timeout: 60000 });
  const lenses = await page.locator('.codelens-decoration').allInnerTexts();
  log(`code lenses: ${lenses.map(t => t.replace(/\s+/g, ' ').trim()).join(' / ')}`);
  await shot('code-lenses');
  // the session of debugVote() is gone from the view first, so what follows is the lens's own session
  await page.waitForFunction(() => ![...document.querySelectorAll('.pane-body .monaco-list-row')]
    .some(r => /Debug python: attached/.test(r.getAttribute('aria-label') || '')), null, { timeout: 30000, polling: 250 });
  await lens.click();
  await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 60000 });
  await waitStatus(/Debug vote in cluster/, 30000); // the session the client started for the lens's {service}
  await waitText('.repl, .debug-console, .panel', /vote: attached to pod vote-/, 60000);
  await showHostK8sView(); // vote is still expanded from the steps before
  await waitTree(/Debug python: attached/, 60000);
  log('code lens "Debug" started the hostk8s session for vote: attached to its pod, shown in the view');
  await shot('code-lens-debug');
  await runCommand('Debug: Disconnect');
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30000 });
}

/** Up started sync for vote: a route typed into app.py and saved is served by the pod through the forward. */
async function editSaveServed(port) {
  await showHostK8sView();
  await waitTree(/Sync: watching/, 30000);
  log('sync watching vote; typing a route into app.py');
  await page.locator('.editor-group-container .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n\n@app.route("/e2e-sync")\ndef e2e_sync():\n    return "synced from VS Code"\n');
  await page.keyboard.press('Control+S');
  const saved = Date.now();
  const file = path.join(process.env.WS_DIR, 'voting-app', 'vote', 'app.py');
  for (let i = 0; i < 100 && !require('node:fs').readFileSync(file, 'utf8').includes('/e2e-sync'); i++) await page.waitForTimeout(100);
  if (!require('node:fs').readFileSync(file, 'utf8').includes('/e2e-sync')) throw new Error('app.py was not saved');
  log('app.py saved');
  let body = '';
  while (Date.now() - saved < 30000) {
    body = await fetch(`http://127.0.0.1:${port}/e2e-sync`, { signal: AbortSignal.timeout(5000) }).then(r => r.ok ? r.text() : `HTTP ${r.status}`, e => `error ${e.message}`);
    if (body === 'synced from VS Code') break;
    await page.waitForTimeout(100);
  }
  if (body !== 'synced from VS Code') throw new Error(`the pod did not serve the edit: ${body}`);
  log(`save → served by the pod in ${Date.now() - saved} ms`);
  await waitStatus(/HostK8s: running · 5\/5 ready · sync \d+ ms/, 30000); // vote, worker, result + db, redis
  await waitTree(/Sync: watching · last \d+ ms/, 30000);
  await shot('synced');
}
/** 1-based line of `text` in voting-app/vote/app.py (read from the copy the workspace has). */
async function lineOf(text) {
  const src = require('node:fs').readFileSync(path.join(process.env.WS_DIR, 'voting-app', 'vote', 'app.py'), 'utf8').split('\n');
  const i = src.findIndex(l => l.includes(text));
  if (i < 0) throw new Error(`no line with ${text} in app.py`);
  return i + 1;
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'] });
  try {
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60000); // no step may wait forever
    await page.goto(process.env.CS_URL);
    await page.waitForSelector('.monaco-workbench', { timeout: 90000 });
    log('workbench loaded');
    // Activation on workspaceContains:voting-app/k8s; the server's first hostk8s/status names the cluster state.
    await waitStatus(/HostK8s: (stopped|unknown)/, 120000);
    await shot('activated');

    // Gating: the palette lists exactly what the server announces.
    for (const [id, title] of [['hostk8s.up', 'HostK8s: Up (Start, Build, Deploy)'], ['hostk8s.deploy', 'HostK8s: Deploy'], ['hostk8s.debug.endpoint', 'HostK8s: Debug Service in Cluster'],
      ['hostk8s.build', 'HostK8s: Build Images']]) {
      const has = await paletteHas(title);
      log(`palette ${has ? 'shows' : 'hides'} "${title}" (server ${announced.has(id) ? 'announces' : 'does not announce'} ${id})`);
      if (has !== announced.has(id)) throw new Error(`palette gating wrong for ${id}`);
    }

    // Palette entries run what the server describes: the notification is its result template, filled.
    await runCommand('HostK8s: Show Status');
    log(`expecting ${summaryRe('hostk8s.status')} (server template "${described.get('hostk8s.status').result.summary}")`);
    await waitText('.notifications-toasts', summaryRe('hostk8s.status'), 30000);
    await waitText('.notifications-toasts', /HostK8s: stopped: hostk8s/, 5000);
    await waitStatus(/HostK8s: stopped/, 10000);
    await shot('show-status');

    await runCommand('HostK8s: Doctor (Check Environment)');
    await pickItem('(default)'); // the server describes an optional CHOICE "target": cluster | sandbox
    await waitText('.notifications-toasts', summaryRe('hostk8s.doctor'), 120000);
    await waitText('.notifications-toasts', /HostK8s doctor: \d+\/\d+ checks ok/, 5000);
    log(`doctor: ${(await page.locator('.notifications-toasts').innerText()).split('\n').find(l => /doctor:/.test(l))}`);
    await shot('doctor');

    // The debug type is contributed (launch.json written from package.json's initialConfigurations); without
    // hostk8s.debug.endpoint on the server, starting it must say so instead of failing obscurely. A server that
    // has it is debugged for real after the services are up (below).
    if (!announced.has('hostk8s.debug.endpoint')) {
    await runCommand('Debug: Select and Start Debugging');
    const cfg = page.locator('.quick-input-list .monaco-list-row[aria-label*="Debug vote in cluster"]').first();
    await cfg.waitFor({ state: 'attached', timeout: 20000 });
    await cfg.click();
    await waitText('.notifications-toasts', /does not provide "hostk8s.debug.endpoint"/, 30000);
    await shot('debug-not-available');
    await page.keyboard.press('Escape');
    }

    await showHostK8sView();
    await waitTree(/Cluster hostk8s: stopped/, 20000);
    log(`view: ${await tree()}`);
    await shot('view-stopped');

    // Crash: kill the server JVM; the extension must say so and restart it (a new owner pid in the view).
    const pidOf = text => Number((/Engine: owner \(pid (\d+)/.exec(text) || [])[1]);
    const oldPid = pidOf(await tree());
    if (!oldPid) throw new Error('no engine pid in the view');
    log(`killing server pid ${oldPid}`);
    process.kill(oldPid, 'SIGKILL');
    await waitText('.notifications-toasts', /stopped unexpectedly and is being restarted/, 30000);
    await shot('crash-notice');
    await page.waitForFunction(old => [...document.querySelectorAll('.monaco-list-row')].some(r => {
      const m = /Engine: owner \(pid (\d+)/.exec(r.getAttribute('aria-label') || '');
      return m && Number(m[1]) !== old;
    }), oldPid, { timeout: 120000, polling: 250 });
    await waitStatus(/HostK8s: stopped/, 30000);
    log(`server restarted: pid ${pidOf(await tree())}`);
    await require('./errors')({ page, log, shot, runCommand, pickItem, waitText, waitStatus, title, esc, summaryRe });

    // Cancel: a long command stops when its notification's Cancel is clicked.
    const sandboxUp = title('hostk8s.sandbox.up');
    await runCommand('HostK8s: Start Sandbox');
    await waitText('.notifications-toasts', new RegExp(`HostK8s: ${esc(sandboxUp)}`), 30000);
    await page.locator('.notifications-toasts .monaco-button', { hasText: 'Cancel' }).first().click();
    await waitText('.notifications-toasts', new RegExp(`HostK8s: ${esc(sandboxUp)} was cancelled`), 60000);
    await waitStatus(/HostK8s: stopped$/m, 30000);
    await shot('sandbox-cancelled');
    await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').first().click().catch(() => undefined);

    await runCommand('HostK8s: Start Sandbox');
    await waitText('.notifications-toasts', new RegExp(`HostK8s: ${esc(sandboxUp)}$`, 'm'), 30000);
    const cancel = await page.locator('.notifications-toasts .monaco-button', { hasText: 'Cancel' }).count();
    log(`progress notification shown, Cancel buttons: ${cancel}`);
    if (cancel < 1) throw new Error('the long command has no Cancel button');
    await waitStatus(new RegExp(`HostK8s: \\w+ · .*(${esc(sandboxUp)}|sandbox)`), 10000);
    await shot('sandbox-progress');
    await waitStatus(/HostK8s: running · \d+\/3 ready/, 240000);
    await waitTree(/Cluster hostk8s: running \| Nodes: 1\/1 ready/, 30000);
    await waitTree(/Services: 0\/3 ready/, 10000);
    log(`view: ${await tree()}`);
    await shot('sandbox-running');

    // Services ready: "Up" when the server has it, else "Deploy" (the manifests' own images; the sandbox runs them).
    const readyId = announced.has('hostk8s.up') ? 'hostk8s.up' : announced.has('hostk8s.deploy') ? 'hostk8s.deploy' : undefined;
    const ready = { 'hostk8s.up': 'HostK8s: Up (Start, Build, Deploy)', 'hostk8s.deploy': 'HostK8s: Deploy' }[readyId];
    if (ready) {
      await runCommand(ready);
      const failedRe = new RegExp(`HostK8s: ${esc(title(readyId))} failed`);
      await waitText('.notifications-toasts', new RegExp(`HostK8s: ${esc(title(readyId))}`), 30000);
      await waitStatus(/HostK8s: running · .*(deploy|Deploy|Up)/, 60000);
      await shot('deploying');
      await waitText('.notifications-toasts', new RegExp(`${summaryRe(readyId).source}|${failedRe.source}`), 600000);
      const failed = await page.locator('.notifications-toasts', { hasText: failedRe }).count();
      if (failed) throw new Error(`${ready} failed: ${await page.locator('.notifications-toasts').innerText()}`);
      await waitStatus(/HostK8s: running · 5\/5 ready$/m, 30000); // vote, worker, result + db, redis
      await waitTree(/Services: 5\/5 ready/, 30000);
      await waitTree(/vote: 1\/1 ready.*worker: 1\/1 ready.*result: 1\/1 ready/, 30000);
      await page.locator('.pane-body .monaco-list-row[aria-label^="vote"]').first().click();
      await waitTree(/Ready: 1\/1 \| vote-[a-z0-9-]+: pod/, 10000);
      log(`view: ${await tree()}`);
      await shot('services-ready');
      if (announced.has('hostk8s.debug.endpoint')) await require('./debugpick')({ page, log, shot, runCommand });
      if (announced.has('hostk8s.debug.endpoint') && announced.has('hostk8s.forward.start')) await debugVote();
      if (announced.has('hostk8s.debug.endpoint')) await codeLensDebug();
      await require('./tree')({ page, log, shot, waitText, waitTree, showHostK8sView, openFile, summaryRe, announced });
      if (announced.has('hostk8s.debug.endpoint')) await require('./java')({ page, log, shot, runCommand, waitText, showHostK8sView, openFile, tree });
      if (announced.has('hostk8s.target.set')) await require('./cloudTarget')({ page, log, shot, runCommand, pickItem, waitText, waitStatus, waitTree, showHostK8sView });
    } else {
      log('the server announces neither hostk8s.up nor hostk8s.deploy: services-ready step not run');
    }

    await runCommand('HostK8s: Stop Sandbox');
    await waitText('.notifications-toasts', summaryRe('hostk8s.sandbox.down'), 180000);
    await waitStatus(/HostK8s: stopped$/m, 30000);
    await shot('sandbox-stopped');
    if (announced.has('hostk8s.up')) await require('./targets')({ page, log, shot, runCommand, waitText, waitStatus, waitTree, paletteHas, showHostK8sView, summaryRe, wsDir: process.env.WS_DIR });
    await require('./walkthrough')({ page, log, shot, runCommand, pickItem, describe: id => described.get(id), esc });
    log('PASS');
  } catch (e) {
    log(`FAILED: ${e.message}`);
    // where in these scripts it waited (Playwright's stacks name the caller's frames)
    const frames = String(e.stack || '').split('\n').filter(l => /e2e\/\w+\.js:\d+/.test(l)).map(l => l.trim().replace(/^at /, ''));
    log(`FAILED at: ${frames.slice(0, 4).join(' ← ') || '?'}`);
    log(`status bar: ${page ? (await statusBar().catch(() => '?')).replace(/\n/g, ' | ') : '?'}`);
    const visible = async sel => page ? (await page.locator(sel).allInnerTexts().catch(() => [])).join(' | ').replace(/\n/g, ' ') : '?';
    log(`notifications: ${await visible('.notifications-toasts')}`);
    log(`quick input: ${await visible('.quick-input-widget')}`);
    if (page) await shot('failure').catch(() => undefined);
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}
main();
