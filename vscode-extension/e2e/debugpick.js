// "Debug Service in Cluster" offers only the services the server says have a debugger (result, a Node service
// without a `debug` entry, is not offered — it used to be, and then VS Code showed its launch.json modal).
module.exports = async function debugPick({ page, log, shot, runCommand }) {
  await runCommand('HostK8s: Debug Service in Cluster');
  // the palette's own rows go first: wait for the service pick (its vote row) before reading it
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="vote"]').first().waitFor({ state: 'attached', timeout: 20000 });
  await page.waitForTimeout(300);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const labels = await rows.evaluateAll(rs => rs.map(r => (r.getAttribute('aria-label') || '').split(',')[0].trim()));
  log(`Debug Service in Cluster offers: ${labels.join(', ')}`);
  await shot('debug-service-pick');
  await page.keyboard.press('Escape');
  if (!labels.includes('vote') || !labels.includes('worker')) throw new Error(`vote and worker must be offered: ${labels}`);
  if (labels.includes('result')) throw new Error(`result has no debugger and must not be offered: ${labels}`);
};
