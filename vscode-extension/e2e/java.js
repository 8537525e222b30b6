// Issue 23 (Java): debug the worker in real VS Code — F9 on `store.upsert(vote);`, "Debug worker in cluster", a vote
// over HTTP: VS Code stops there and the Call Stack view shows the worker's frames, the top one on that line.
const fs = require('node:fs');
const path = require('node:path');

const REL = 'voting-app/worker/src/main/java/io/hostk8s/voting/worker/VoteWorker.java';

/** ctx: { page, log, shot, runCommand, waitText, showHostK8sView, openFile, tree } (e2e.js's helpers) */
module.exports = async function debugWorker(ctx) {
  const { page, log, shot, runCommand, waitText, showHostK8sView, openFile, tree } = ctx;
  const src = fs.readFileSync(path.join(process.env.WS_DIR, REL), 'utf8').split('\n');
  const line = src.findIndex(l => l.includes('store.upsert(vote);')) + 1;
  if (line < 1) throw new Error(`no store.upsert(vote); in ${REL}`);

  // the vote forward (http) the user has in the view; else forward it now
  await showHostK8sView();
  let port = Number((/Forward http: http:\/\/127\.0\.0\.1:(\d+)\/ → 80/.exec(await tree()) || [])[1]);
  if (!port) {
    await runCommand('HostK8s: Port-Forward Service');
    const pick = page.locator('.quick-input-list .monaco-list-row[aria-label^="vote"]').first();
    await pick.waitFor({ state: 'attached', timeout: 20000 });
    await pick.click();
    await waitText('.notifications-toasts', /vote is forwarded to 127\.0\.0\.1:\d+/, 60000);
    port = Number(/vote is forwarded to 127\.0\.0\.1:(\d+)/.exec(await page.locator('.notifications-toasts').innerText())[1]);
    await page.keyboard.press('Escape');
  }
  log(`java: vote at 127.0.0.1:${port}; breakpoint at VoteWorker.java:${line}`);

  await openFile(REL);
  await runCommand('Go to Line/Column...');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await runCommand('Debug: Toggle Breakpoint');
  await page.locator('.codicon-debug-breakpoint-unverified, .codicon-debug-breakpoint').first().waitFor({ state: 'attached', timeout: 10000 });

  await runCommand('Debug: Select and Start Debugging');
  const cfg = page.locator('.quick-input-list .monaco-list-row[aria-label*="Debug worker in cluster"]').first();
  await cfg.waitFor({ state: 'attached', timeout: 20000 });
  await cfg.click();
  await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 60000 });
  // the panel may show another view (e.g. a service's log channel from the steps before): show the Debug Console
  await runCommand('Debug Console: Focus on Debug Console View');
  await waitText('.repl, .debug-console, .panel', /worker: attached to pod worker-/, 90000);
  await showHostK8sView(); // so that the click below opens Run and Debug (a click on the open view would close it)
  log('java: debug session attached to the worker');

  const voted = fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'vote=b',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `voter_id=e2e-java-${Date.now()}` } })
    .then(r => r.status, e => `error ${e.message}`);
  await require('./runAndDebug')(page);
  await page.locator('.debug-top-stack-frame-column, .codicon-debug-stackframe').first().waitFor({ state: 'attached', timeout: 60000 });
  await waitText('.pane-body', /PAUSED/, 20000);
  // the Call Stack view: the stopped thread's frames, the top one VoteWorker.handle at the breakpoint's line
  const frames = () => page.evaluate(() => [...document.querySelectorAll('.debug-call-stack .monaco-list-row')]
    .map(r => r.getAttribute('aria-label') || r.innerText));
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('.debug-call-stack .monaco-list-row')]
      .some(r => /VoteWorker\.handle/.test(r.getAttribute('aria-label') || r.innerText)), null, { timeout: 20000, polling: 250 });
  } catch (e) {
    throw new Error(`java: stopped, but the Call Stack shows no worker frames: ${JSON.stringify(await frames())}`);
  }
  const rows = await frames();
  log(`java: Call Stack: ${rows.join(' | ')}`);
  if (!rows.some(r => /VoteWorker\.handle/.test(r) && new RegExp(`\\b${line}\\b`).test(r))) {
    throw new Error(`java: the top frame is not VoteWorker.handle at line ${line}: ${rows.join(' | ')}`);
  }
  if (!rows.some(r => /Main\.main/.test(r))) throw new Error(`java: the Call Stack lacks the worker's Main.main: ${rows.join(' | ')}`);
  await page.locator('.debug-top-stack-frame-column, .codicon-debug-stackframe').first().waitFor({ state: 'attached', timeout: 20000 });
  // the top frame's locals (for the screenshot; logged, the server tests assert them)
  const locals = await page.waitForFunction(() => [...document.querySelectorAll('.debug-variables .monaco-list-row')]
    .map(r => r.getAttribute('aria-label') || '').filter(l => /^vote\b/.test(l)).join(), null, { timeout: 10000, polling: 250 })
    .then(h => h.jsonValue(), () => 'not shown');
  log(`java: Variables: ${locals}`);
  await shot('java-call-stack');
  const toasts = await page.locator('.notifications-toasts').innerText().catch(() => '');
  if (/Unrecognized request|setFunctionBreakpoints/.test(toasts)) throw new Error(`java: an error toast: ${toasts}`);
  const serverLog = fs.readFileSync(path.join(process.env.WS_DIR, '.hostk8s', 'server.log'), 'utf8');
  if (/Unrecognized request/.test(serverLog)) throw new Error('java: the server log has java-debug\'s "Unrecognized request"');
  await runCommand('Debug: Continue');
  log(`java: vote answered ${await voted} after continue`);
  await runCommand('Debug: Disconnect');
  await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30000 });
  await runCommand('Remove All Breakpoints');
};
