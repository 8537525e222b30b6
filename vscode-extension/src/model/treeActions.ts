// The tree's context-menu and inline actions on services and pods, as data. Each runs a server command (its progress,
// result and errors as the palette shows them), the client's debug session, or opens the URL the server gave a
// forward. Which rows offer which action follows from the row's contextValue (model/tree.ts). Pure (no vscode import).

/** What a row acts on: a service or pod (service, pod, url); the Cloud node acts on what the server has ({}). */
export interface TreeTarget { service?: string; pod?: string; url?: string }

export type TreeRun =
  /** A server command with these arguments (missing required ones are asked as in the palette). */
  | { how: 'server'; command: string; args: (t: TreeTarget) => Record<string, unknown> }
  /** The `hostk8s` debug session of the service. */
  | { how: 'debug' }
  /** The service's http URL (an active forward's, decided by the server). */
  | { how: 'url' }
  /** One of the client's own contributed commands. */
  | { how: 'client'; command: string };

export interface TreeAction {
  /** Contributed command id. */
  id: string;
  title: string;
  /** Codicon for the inline button and the menu. */
  icon: string;
  /** Shown as an inline button on the row too. */
  inline: boolean;
  /** Rows that offer it: a regexp over the row's contextValue (see `contextValue` in model/tree.ts). */
  rows: string;
  run: TreeRun;
}

const SERVICE_OR_POD = '^hostk8s\\.(service|pod)\\b';
const DEV = '^hostk8s\\.(service|pod)\\b.*\\bdev\\b';
const CLOUD = '^hostk8s\\.cloud\\b';
const PUBLISHED = '^hostk8s\\.cloud\\b.*\\bpublished\\b';

export const TREE_ACTIONS: readonly TreeAction[] = [
  { id: 'hostk8s.vscode.tree.showLogs', title: 'Show Logs', icon: 'output', inline: true, rows: SERVICE_OR_POD,
    run: { how: 'server', command: 'hostk8s.logs.follow', args: t => ({ service: t.service }) } },
  { id: 'hostk8s.vscode.tree.openInBrowser', title: 'Open in Browser', icon: 'globe', inline: true,
    rows: '^hostk8s\\.service\\b.*\\bhttp\\b', run: { how: 'url' } },
  { id: 'hostk8s.vscode.tree.debug', title: 'Debug', icon: 'debug-alt', inline: true, rows: DEV, run: { how: 'debug' } },
  { id: 'hostk8s.vscode.tree.restart', title: 'Restart', icon: 'debug-restart', inline: false, rows: SERVICE_OR_POD,
    run: { how: 'server', command: 'hostk8s.restart', args: t => ({ service: t.service }) } },
  { id: 'hostk8s.vscode.tree.portForward', title: 'Port-Forward', icon: 'plug', inline: false, rows: '^hostk8s\\.service\\b',
    run: { how: 'server', command: 'hostk8s.forward.start', args: t => ({ service: t.service }) } },
  { id: 'hostk8s.vscode.tree.syncExplain', title: 'Sync Explain (active file)', icon: 'question', inline: false, rows: DEV,
    run: { how: 'server', command: 'hostk8s.sync.explain', args: t => ({ service: t.service }) } },
  // the Cloud node: the publish commands as the palette runs them (apply and teardown ask their consent in a modal)
  { id: 'hostk8s.vscode.tree.publishPlan', title: 'Plan Publish', icon: 'checklist', inline: false, rows: CLOUD,
    run: { how: 'server', command: 'hostk8s.publish.plan', args: () => ({}) } },
  { id: 'hostk8s.vscode.tree.publishApply', title: 'Publish (Apply)', icon: 'cloud-upload', inline: false, rows: CLOUD,
    run: { how: 'server', command: 'hostk8s.publish.apply', args: () => ({}) } },
  { id: 'hostk8s.vscode.tree.publishStatus', title: 'Publish Status', icon: 'refresh', inline: false, rows: PUBLISHED,
    run: { how: 'server', command: 'hostk8s.publish.status', args: () => ({}) } },
  { id: 'hostk8s.vscode.tree.publishTeardown', title: 'Tear Down', icon: 'trash', inline: false, rows: PUBLISHED,
    run: { how: 'server', command: 'hostk8s.publish.teardown', args: () => ({}) } },
  { id: 'hostk8s.vscode.tree.setDigitalOceanToken', title: 'Set DigitalOcean Token', icon: 'key', inline: false, rows: CLOUD,
    run: { how: 'client', command: 'hostk8s.vscode.setDigitalOceanToken' } },
  { id: 'hostk8s.vscode.tree.publishHistory', title: 'Release History', icon: 'history', inline: false, rows: PUBLISHED,
    run: { how: 'server', command: 'hostk8s.publish.history', args: () => ({}) } },
  { id: 'hostk8s.vscode.tree.publishRollback', title: 'Roll Back', icon: 'discard', inline: false, rows: PUBLISHED,
    run: { how: 'server', command: 'hostk8s.publish.rollback', args: () => ({}) } },
];

/** The actions a row with `contextValue` offers (what VS Code shows from the manifest's menus). */
export function actionsFor(contextValue: string | undefined): TreeAction[] {
  return contextValue ? TREE_ACTIONS.filter(a => new RegExp(a.rows).test(contextValue)) : [];
}

/** The manifest's `view/item/context` entries for the actions (a test keeps package.json equal to them). */
export function menuEntries(view: string): { command: string; when: string; group: string }[] {
  return TREE_ACTIONS.flatMap((a, i) => {
    const when = `view == ${view} && viewItem =~ /${a.rows}/`;
    const menu = { command: a.id, when, group: `hostk8s@${i + 1}` };
    return a.inline ? [menu, { command: a.id, when, group: `inline@${i + 1}` }] : [menu];
  });
}
