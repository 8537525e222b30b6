// Issue 23, "code lenses act on their service; the tree acts on what it shows": the Deploy and Sync code lenses on
// vote (each ends with the server's one-line result, Deploy naming vote only), db and redis in the view, and the
// view's context menu on vote (Open in Browser offered; Show Logs opens vote's log channel). Run after the services
// are ready and vote is forwarded (e2e.js).
module.exports = async function treeSteps({ page, log, shot, waitText, waitTree, showHostK8sView, openFile, summaryRe, announced }) {
  const toasts = () => page.locator('.notifications-toasts').innerText().catch(() => '');
  const clearToasts = async () => {
    await page.keyboard.press('Escape');
    for (const b of await page.locator('.notifications-toasts .codicon-notifications-clear, .notifications-toasts .codicon-close').all()) {
      await b.click().catch(() => undefined);
    }
  };
  const lens = name => page.locator('.codelens-decoration a', { hasText: new RegExp(`^${name}$`) }).first();

  // Deploy lens above vote: progress, then "Deploy: vote ready in sample-app" — vote only, not the other services
  await openFile('hostk8s.dev.yaml');
  await lens('Deploy').waitFor({ state: 'visible', timeout: 60000 });
  await clearToasts();
  await lens('Deploy').click();
  log('code lens "Deploy" above vote clicked');
  await waitText('.notifications-toasts', /HostK8s: Deploy: vote ready in sample-app|HostK8s: .*failed/, 240000);
  const deployed = await toasts();
  if (!/HostK8s: Deploy: vote ready in sample-app/.test(deployed)) throw new Error(`Deploy lens: ${deployed}`);
  const line = deployed.split('\n').find(l => /HostK8s: Deploy:/.test(l));
  if (/worker|result|redis|db|services ready/.test(line)) throw new Error(`Deploy lens deployed more than vote: ${line}`);
  log(`Deploy lens result: ${line}`);
  await shot('code-lens-deploy');

  // Sync lens above vote: the server's result line ("Syncing vote: …")
  if (announced.has('hostk8s.sync.start')) {
    await clearToasts();
    await lens('Sync').click();
    await waitText('.notifications-toasts', new RegExp(`${summaryRe('hostk8s.sync.start').source}|HostK8s: .*failed`), 120000);
    const synced = await toasts();
    if (!summaryRe('hostk8s.sync.start').test(synced)) throw new Error(`Sync lens: ${synced}`);
    log(`Sync lens result: ${synced.split('\n').find(l => summaryRe('hostk8s.sync.start').test(l))}`);
    await shot('code-lens-sync');
  }

  // The view lists db and redis (from the manifests) with the configured services
  await showHostK8sView();
  await waitTree(/db: \d\/\d ready · manifests/, 60000);
  await waitTree(/redis: \d\/\d ready · manifests/, 60000);
  log('view lists db and redis');

  // Context menu on vote: Open in Browser offered (vote has an http forward), Show Logs opens vote's channel
  await clearToasts();
  const vote = page.locator('.pane-body .monaco-list-row[aria-label^="vote:"]').first();
  await vote.click({ button: 'right' });
  // VS Code's menus may live in a shadow root: find the items by role, which crosses it
  const item = label => page.getByRole('menuitem', { name: new RegExp(`^${label}`) }).first();
  await item('Show Logs').waitFor({ state: 'visible', timeout: 15000 });
  const offered = await page.getByRole('menuitem').evaluateAll(els => els.map(e => e.getAttribute('aria-label') || e.textContent || ''));
  log(`context menu on vote: ${offered.map(s => s.trim()).filter(Boolean).join(' / ')}`);
  if (!offered.some(s => /^Open in Browser/.test(s.trim()))) throw new Error('Open in Browser is not offered on vote');
  await shot('tree-context-menu');
  /**
   * Clicks the menu's item until its effect is seen: `arm()`, called just before each click, starts watching and
   * returns a promise of true when the item's command showed its result. A click on a menu that has just opened can
   * be lost (CI run of stop 28: no command ran) — then the menu is opened again, at most three times. What the
   * command shows is still asserted by `arm`'s promise.
   */
  async function choose(label, arm) {
    for (let attempt = 1; ; attempt++) {
      if (!(await item(label).isVisible())) {
        await page.keyboard.press('Escape');
        await vote.click({ button: 'right' });
        await item(label).waitFor({ state: 'visible', timeout: 15000 });
      }
      await page.waitForTimeout(300); // a menu ignores a click that follows its opening too closely
      const effect = arm();
      await item(label).click();
      if (await effect) return;
      if (attempt === 3) throw new Error(`context menu "${label}" on vote: no effect after 3 clicks`);
      log(`context menu "${label}": no effect after the click (attempt ${attempt}); opening the menu again`);
    }
  }
  await choose('Show Logs', () => waitText('.notifications-toasts', summaryRe('hostk8s.logs.follow'), 20000).then(() => true, () => false));
  await page.waitForFunction(() => [...document.querySelectorAll('.part.panel select')].some(s => s.options[s.selectedIndex]?.text === 'HostK8s: vote')
    || [...document.querySelectorAll('.part.panel [title], .part.panel [aria-label]')]
      .some(e => /^HostK8s: vote$/.test(e.getAttribute('title') || '') || /^HostK8s: vote$/.test(e.getAttribute('aria-label') || '')),
  null, { timeout: 30000, polling: 250 });
  log('Show Logs on vote: the "HostK8s: vote" channel is shown');
  await shot('tree-show-logs');
  await page.keyboard.press('Escape');

  // Open in Browser on vote opens vote's forwarded URL: code-server either opens a browser tab or first asks (its
  // "open the external website?" dialog, naming the URL) — either shows the address the server gave
  await vote.click({ button: 'right' });
  await item('Open in Browser').waitFor({ state: 'visible', timeout: 15000 });
  const dialog = page.locator('.monaco-dialog-box').filter({ hasText: /127\.0\.0\.1:\d+/ }).first();
  let tab, ask;
  await choose('Open in Browser', () => (async () => {
    const popup = page.context().waitForEvent('page', { timeout: 20000 }).then(async p => {
      await p.waitForURL(/127\.0\.0\.1:\d+/, { timeout: 10000 }).catch(() => undefined);
      return { url: p.url(), page: p };
    }, () => null);
    const asked = dialog.waitFor({ state: 'visible', timeout: 20000 }).then(() => true, () => false);
    // whichever comes first; the other is given up
    const first = await Promise.race([popup.then(t => t && { tab: t }), asked.then(a => a && { ask: a })]);
    const settled = first ?? await Promise.all([popup, asked]).then(([t, a]) => (t || a ? { tab: t, ask: a } : null));
    if (!settled) return false;
    tab = settled.tab; ask = settled.ask;
    return true;
  })());
  if (ask) {
    log(`Open in Browser asks: ${(await dialog.innerText()).replace(/\s+/g, ' ').slice(0, 160)}`);
    await shot('tree-open-in-browser');
    await page.keyboard.press('Escape');
  } else if (tab && /^http:\/\/127\.0\.0\.1:\d+/.test(tab.url)) {
    log(`Open in Browser opened ${tab.url}`);
    await tab.page.close().catch(() => undefined);
  } else {
    throw new Error(`Open in Browser on vote opened neither a tab nor a dialog with vote's URL (tab: ${tab && tab.url})`);
  }
};
