// Issue 23, "commands fit the target": Up from the stopped state without Docker falls back to the sandbox (as
// `make dev` does) and ends with "Open vote"; Stop Cluster is not offered while the target is the sandbox; Stop
// Sandbox while a debug session is attached leaves no process behind (debugpy's adapter included) and no debug row.
// Called from e2e.js with the sandbox stopped; leaves it stopped.
const fs = require('node:fs');

/** pid → {ppid, ns (mount namespace), cmd} for every readable process. */
function processes() {
  const all = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      let ns = '';
      try { ns = fs.readlinkSync(`/proc/${d}/ns/mnt`); } catch { /* not ours to read */ }
      all.set(Number(d), { ppid, ns, cmd });
    } catch { /* gone */ }
  }
  return all;
}

/**
 * The processes of this workspace's sandbox: its SandboxMain (`--workspace WS`), every descendant, and every process
 * in the private mount namespace of one of them (a pod's, where debugpy's adapter lives once reparented to init).
 */
function sandboxProcesses(wsDir) {
  const all = processes();
  const own = fs.readlinkSync('/proc/self/ns/mnt');
  const roots = [...all].filter(([, p]) => p.cmd.includes('SandboxMain') && p.cmd.includes(`--workspace ${wsDir}`)).map(([pid]) => pid);
  const set = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, p] of all) if (!set.has(pid) && set.has(p.ppid)) { set.add(pid); grew = true; }
  }
  const spaces = new Set([...set].map(pid => all.get(pid)?.ns).filter(ns => ns && ns !== own));
  for (const [pid, p] of all) if (spaces.has(p.ns)) set.add(pid);
  return [...set].map(pid => ({ pid, cmd: all.get(pid)?.cmd ?? '' }));
}

const alive = pid => { try { process.kill(pid, 0); return true; } catch { return false; } };

module.exports = async function targets({ page, log, shot, runCommand, waitText, waitStatus, waitTree, paletteHas, showHostK8sView, summaryRe, wsDir }) {
  // Up from stopped, no Docker on this machine: the server chooses the sandbox and says so, and ends with vote's URL.
  await waitStatus(/HostK8s: stopped$/m, 30000);
  await runCommand('HostK8s: Up (Start, Build, Deploy)');
  await waitText('.notifications-toasts', /HostK8s: Up on the sandbox: .* — vote at http:\/\/127\.0\.0\.1:\d+\//, 600000);
  const openVote = page.locator('.notifications-toasts .monaco-button', { hasText: 'Open vote' });
  await openVote.first().waitFor({ state: 'attached', timeout: 10000 });
  log(`up: ${(await page.locator('.notifications-toasts').innerText()).split('\n').find(l => /Up on the sandbox/.test(l))}`);
  await shot('up-sandbox-open-vote');
  await waitStatus(/HostK8s: running · (\d+)\/\1 ready/, 60000); // every service, db and redis included

  // Stop Cluster does not apply to the sandbox: the palette does not offer it (the status's cluster.target).
  if (await paletteHas('HostK8s: Stop Cluster')) throw new Error('Stop Cluster is offered while the target is the sandbox');
  log('palette hides "HostK8s: Stop Cluster" while the target is the sandbox');

  // A debug session on vote, then Stop Sandbox while it is attached.
  await runCommand('Debug: Select and Start Debugging');
  const cfg = page.locator('.quick-input-list .monaco-list-row[aria-label*="Debug vote in cluster"]').first();
  await cfg.waitFor({ state: 'attached', timeout: 20000 });
  await cfg.click();
  await page.locator('.debug-toolbar').waitFor({ state: 'visible', timeout: 60000 });
  await showHostK8sView();
  await waitTree(/Debug python: attached/, 60000);
  const before = sandboxProcesses(wsDir);
  const adapters = before.filter(p => /debugpy/.test(p.cmd));
  log(`sandbox processes while debugging: ${before.length} (debugpy: ${adapters.map(p => p.pid).join(', ') || 'none'})`);
  if (!adapters.length) throw new Error('no debugpy process found in the sandbox while debugging');
  await shot('debugging-before-stop-sandbox');

  await runCommand('HostK8s: Stop Sandbox');
  await waitText('.notifications-toasts', summaryRe('hostk8s.sandbox.down'), 180000);
  await waitStatus(/HostK8s: stopped$/m, 60000);
  let left = before;
  for (const end = Date.now() + 20000; Date.now() < end;) {
    left = before.filter(p => alive(p.pid));
    if (!left.length) break;
    await page.waitForTimeout(250);
  }
  if (left.length) throw new Error(`left after Stop Sandbox: ${left.map(p => `${p.pid} ${p.cmd}`).join('; ')}`);
  log(`after Stop Sandbox: none of the ${before.length} sandbox processes is left (debugpy adapter included)`);
  // the server ends the IDE's session too (a `terminated` event saying why), so VS Code does not keep re-attaching
  const ended = await page.locator('.debug-toolbar').waitFor({ state: 'hidden', timeout: 30000 }).then(() => true, () => false);
  if (!ended) throw new Error('the debug session is still shown after Stop Sandbox (the IDE keeps re-attaching)');
  log('debug toolbar after Stop Sandbox: gone (the server ended the session)');
  await showHostK8sView();
  await page.waitForFunction(() => ![...document.querySelectorAll('.pane-body .monaco-list-row')]
    .some(r => /Debug python/.test(r.getAttribute('aria-label') || '')), null, { timeout: 30000, polling: 250 });
  log('the view shows no debug session after Stop Sandbox');
  await shot('sandbox-stopped-while-debugging');
};
