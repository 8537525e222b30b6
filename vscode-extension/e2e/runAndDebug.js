// Shared by e2e.js and java.js.
/**
 * Shows the Run and Debug view. Its activity bar item toggles: VS Code may already have opened the view when the
 * session started (debug.openDebug), and a click then closes the side bar — so click only when it is not active.
 * Forced: with a session running, the item's "1 active session" badge overlaps it and Playwright's hit check sees the
 * badge, not the item (the click reaches the item either way: the badge is inside it).
 */
async function showRunAndDebug(p) {
  const item = p.locator('.activitybar .action-item a[aria-label^="Run and Debug"], .activitybar .action-item[aria-label^="Run and Debug"]').first();
  const active = () => item.evaluate(e => (e.closest('.action-item') || e).classList.contains('checked')).catch(() => false);
  if (!(await active())) await item.click({ force: true });
  // VS Code may open it by itself just after our look: check once more that it is the active view, never toggle it off
  await p.waitForTimeout(500);
  if (!(await active())) await item.click({ force: true });
}
module.exports = showRunAndDebug;
