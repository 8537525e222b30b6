// Registers the palette commands: each asks for the arguments the server describes, runs the server command and
// shows its result the way the server's ResultView says. No business logic, no case per command.
import * as vscode from 'vscode';
import { openTutorial } from './ui/tutorial';
import { Ask, commandArguments, DEFAULT_ITEM, inputProblem, parseInput } from './model/argumentPlan';
import { gatherArguments, Prompter } from './model/gatherArguments';
import { CLIENT_DEBUG_SERVICE, CLIENT_RUN, paletteCommands, runRequest } from './model/catalog';
import { TREE_ACTIONS, TreeTarget } from './model/treeActions';
import { errorView } from './model/results';
import { debuggableServices } from './model/debugChoices';
import { Presentation, present } from './model/resultView';
import { doneKey, doneKeyForServer } from './model/walkthrough';
import { Fix, StatusSnapshot } from './protocol';
import { DoToken } from './secrets';
import { ServerSession } from './server/serverSession';
import { LogChannels } from './ui/logChannels';

/** One answer; undefined when the person cancelled (or a required file is not open). */
async function answer(a: Exclude<Ask, { how: 'consent' }>, title: string): Promise<{ value?: unknown } | undefined> {
  switch (a.how) {
    case 'pick': {
      const items = a.optional ? [DEFAULT_ITEM, ...a.choices] : a.choices;
      const pick = await vscode.window.showQuickPick(items, { title, placeHolder: a.prompt });
      return pick === undefined ? undefined : { value: pick === DEFAULT_ITEM ? undefined : pick };
    }
    case 'file': {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc?.uri.scheme === 'file') return { value: doc.uri.fsPath };
      if (a.optional) return {};
      const picked = await vscode.window.showOpenDialog({ title: `${title}: ${a.prompt}`, openLabel: 'Choose',
        canSelectMany: false, canSelectFolders: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
      return picked?.[0] ? { value: picked[0].fsPath } : undefined;
    }
    case 'confirm': {
      const pick = await vscode.window.showQuickPick(['Yes', 'No'], { title, placeHolder: a.prompt });
      return pick === undefined ? undefined : { value: pick === 'Yes' };
    }
    case 'input': {
      const text = await vscode.window.showInputBox({ title, prompt: a.prompt, placeHolder: a.example,
        validateInput: v => inputProblem(a.kind, v) });
      return text === undefined ? undefined : { value: parseInput(a.kind, text) };
    }
  }
}

/** The palette's questions and consents as VS Code dialogs; the flow itself is model/gatherArguments. */
function prompter(session: ServerSession): Prompter {
  return {
    answer,
    preview: (command, args, title) =>
      session.run({ server: command, title, long: session.commands.get(command)?.longRunning ?? false }, args),
    consent: async d => {
      [d.message, ...d.detail.split('\n')].forEach(l => session.output.info(l));
      return (await vscode.window.showWarningMessage(d.message, { modal: true, detail: d.detail }, d.accept)) === d.accept;
    },
    failed: (title, e) => void showError(title, e, session.output),
  };
}

/** Runs a fix: a server command (through the language client, so it shows its progress and result) or a VS Code one. */
function runFix(f: Fix): Thenable<unknown> {
  return vscode.commands.executeCommand(f.command, ...f.arguments);
}

/** Buttons: the server's fixes, then the client's own; runs the one clicked. */
async function notify(kind: 'info' | 'warning' | 'error', text: string, fixes: Fix[], own: Record<string, () => unknown>): Promise<void> {
  const buttons = [...fixes.map(f => f.title), ...Object.keys(own)];
  const show = kind === 'error' ? vscode.window.showErrorMessage : kind === 'warning' ? vscode.window.showWarningMessage
    : vscode.window.showInformationMessage;
  const picked = await show(text, ...buttons);
  const fix = fixes.find(f => f.title === picked);
  if (fix) await runFix(fix);
  else if (picked !== undefined) await own[picked]?.();
}

/** A failed command: exactly one notification, the server's message with its fixes as buttons; the detail in the output. */
export async function showError(title: string, e: unknown, out: vscode.LogOutputChannel): Promise<void> {
  const v = errorView(title, e);
  if (v.cancelled) {
    out.info(v.text);
    void vscode.window.showInformationMessage(v.text);
    return;
  }
  v.detail.forEach(l => out.error(l));
  await notify('error', v.text, v.fixes, v.more ? { 'Show Output': () => out.show() } : {});
}

/**
 * Read-only documents for `document` results (`hostk8s:` URIs): the server's result as JSON, never dirty, nothing to
 * save on close. The content is the result the server returned; opening the same title again shows the new result.
 */
class ResultDocuments implements vscode.TextDocumentContentProvider {
  static readonly SCHEME = 'hostk8s';
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async open(title: string, result: unknown): Promise<vscode.TextDocument> {
    const name = title.replace(/^HostK8s:\s*/, '').replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'result';
    const uri = vscode.Uri.from({ scheme: ResultDocuments.SCHEME, path: `/${name}.json` });
    this.contents.set(uri.toString(), JSON.stringify(result, null, 2));
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.languages.setTextDocumentLanguage(doc, 'json');
  }
}

const documents = new ResultDocuments();

async function show(p: Presentation, result: unknown, session: ServerSession, logs: LogChannels): Promise<void> {
  const out = session.output;
  (p.warning ? out.warn : out.info).call(out, p.text);
  p.lines.forEach(l => (p.problems.includes(l) ? out.warn(l) : out.info(l)));
  if (p.show === 'status') session.setSnapshot(result as StatusSnapshot);
  if (p.show === 'logs' && p.service) logs.channel(p.service).show(true);
  if (p.show === 'document') await vscode.window.showTextDocument(await documents.open(p.text, result), { preview: true });
  if (p.debug) void vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], p.debug as vscode.DebugConfiguration);
  if (p.show === 'document') return;
  const own: Record<string, () => unknown> = {};
  if (p.url) own[p.urlLabel] = () => vscode.env.openExternal(vscode.Uri.parse(p.url!));
  if (p.lines.length) own['Show Output'] = () => out.show();
  await notify(p.warning ? 'warning' : 'info', p.text, p.fixes, own);
}

/**
 * Runs a server command with these arguments and shows how it ended: its result as the server's view says, or one
 * error notification. Success sets the command's walkthrough key. Used by the palette and for every server command
 * run by id (code lenses, walkthrough links, fix buttons) through the language client's middleware.
 */
export async function runServer(server: string, args: unknown[], session: ServerSession, logs: LogChannels): Promise<unknown> {
  const d = session.commands.get(server);
  const title = d?.title ?? server;
  try {
    const result = await session.run({ server, title, long: d?.longRunning ?? false }, args);
    const answers = (args[0] && typeof args[0] === 'object' ? args[0] : {}) as Record<string, unknown>;
    const p = present(d?.result, result, answers, title);
    if (!p.warning) void vscode.commands.executeCommand('setContext', doneKeyForServer(server), true);
    void show(p, result, session, logs);
    if (d?.longRunning) await session.refresh().catch(() => undefined);
    return result;
  } catch (e) {
    void showError(title, e, session.output);
    return undefined;
  }
}

/** Runs a server command as its palette entry does; `given` arguments are not asked (code lenses, tree actions). */
async function runPalette(server: string, session: ServerSession, logs: LogChannels, given: Record<string, unknown> = {}): Promise<void> {
  const described = await session.describe().catch(() => session.commands);
  const d = described.get(server);
  if (!d) {
    void vscode.window.showWarningMessage(`HostK8s: this server does not provide ${server} yet.`);
    return;
  }
  const answers = await gatherArguments(d, given, prompter(session), id => described.get(id));
  if (answers === undefined) return;
  await runServer(server, commandArguments(answers), session, logs);
}

/** The `hostk8s` debug session for a service (the "Debug" code lens passes `{service}`, the palette asks). */
async function debugService(session: ServerSession, arg?: unknown): Promise<void> {
  const given = typeof arg === 'string' ? arg : (arg as { service?: unknown } | undefined)?.service;
  // only services with a debugger, as the server describes them (older servers: every service of the status)
  const names = debuggableServices(session.commands) ?? session.snapshot?.services.map(s => s.name) ?? [];
  const service = typeof given === 'string' && given ? given
    : names.length ? await vscode.window.showQuickPick(names, { title: 'HostK8s: Debug Service in Cluster', placeHolder: 'Service' })
      : await vscode.window.showInputBox({ title: 'HostK8s: Debug Service in Cluster', prompt: 'Service name' });
  if (!service) return;
  const started = await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0],
    { type: 'hostk8s', request: 'attach', name: `Debug ${service} in cluster`, service });
  if (started) void vscode.commands.executeCommand('setContext', doneKey('hostk8s.vscode.debug'), true);
}

export function registerCommands(ctx: vscode.ExtensionContext, session: ServerSession, logs: LogChannels, token: DoToken): void {
  const reg = (id: string, fn: (...a: any[]) => unknown) => ctx.subscriptions.push(vscode.commands.registerCommand(id, fn));
  ctx.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(ResultDocuments.SCHEME, documents));
  const contributed: string[] = (ctx.extension.packageJSON?.contributes?.commands ?? []).map((c: { command: string }) => c.command);
  for (const p of paletteCommands(contributed)) reg(p.id, () => runPalette(p.server, session, logs));
  session.runner = (server, args) => runServer(server, args, session, logs);
  reg('hostk8s.vscode.refresh', () => session.refresh());
  reg('hostk8s.vscode.restartServer', () => session.restart());
  reg('hostk8s.vscode.showOutput', () => session.output.show());
  reg('hostk8s.vscode.openUrl', (url: string) => vscode.env.openExternal(vscode.Uri.parse(url)));
  reg('hostk8s.vscode.openTutorial', (file?: unknown, anchor?: unknown) => openTutorial(ctx.extensionUri, file, anchor));
  reg('hostk8s.vscode.setDigitalOceanToken', async () => {
    if (await token.set()) void vscode.commands.executeCommand('setContext', doneKey('hostk8s.vscode.setDigitalOceanToken'), true);
  });
  reg('hostk8s.vscode.clearDigitalOceanToken', () => token.clear());
  reg('hostk8s.vscode.debug', () => debugService(session));
  reg(CLIENT_DEBUG_SERVICE, (arg?: unknown) => debugService(session, arg));
  reg(CLIENT_RUN, (arg?: unknown) => {
    const r = runRequest(arg);
    return r ? runPalette(r.command, session, logs, r.arguments) : undefined;
  });
  for (const a of TREE_ACTIONS) {
    reg(a.id, (node?: { target?: TreeTarget }) => {
      const t = node?.target;
      if (!t) return undefined;
      if (a.run.how === 'server') return runPalette(a.run.command, session, logs, a.run.args(t));
      if (a.run.how === 'client') return vscode.commands.executeCommand(a.run.command);
      if (a.run.how === 'debug') return debugService(session, { service: t.service });
      return t.url ? vscode.env.openExternal(vscode.Uri.parse(t.url)) : undefined;
    });
  }
}
