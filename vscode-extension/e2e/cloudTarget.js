// Issue 21, "one product, two targets": Set Target (the server's hostk8s.target.set, offered from its command list)
// to digitalocean — with nothing published here the status bar says DigitalOcean and the cluster is stopped, the
// and Sync is refused with 7060 — then back to local: the sandbox's 5/5 ready again.
// Run while the sandbox runs the app (e2e.js, after the services are ready).
module.exports = async function cloudTargetSteps({ page, log, shot, runCommand, pickItem, waitText, waitStatus, waitTree, showHostK8sView }) {
  const clearToasts = async () => {
    await page.keyboard.press('Escape');
    for (const b of await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').all()) {
      await b.click().catch(() => undefined);
    }
  };
  await clearToasts();
  await runCommand('HostK8s: Set Target: Local Cluster or DigitalOcean');
  await pickItem('digitalocean');
  await waitText('.notifications-toasts', /Target: digitalocean/, 60000);
  await waitStatus(/HostK8s\s*DigitalOcean: stopped/, 30000);
  await shot('target-digitalocean');

  await clearToasts();
  await runCommand('HostK8s: Start Sync');
  await pickItem('vote');
  await waitText('.notifications-toasts', /7060|for the local cluster only/, 60000);
  log(`sync on the cloud target: ${(await page.locator('.notifications-toasts').innerText()).split('\n')[0]}`);
  await shot('target-sync-refused');

  await clearToasts();
  await runCommand('HostK8s: Set Target: Local Cluster or DigitalOcean');
  await pickItem('local');
  await waitText('.notifications-toasts', /Target: local/, 60000);
  await waitStatus(/HostK8s: running · 5\/5 ready$/m, 60000);
  await clearToasts();
  log('target switched back to local');
};
