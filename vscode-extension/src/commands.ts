// Registers the palette commands: each asks for the arguments the server describes, runs the server command and
// shows its result the way the server's ResultView says. No business logic, no case per command.
import * as vscode from 'vscode';
import { Ask, argumentPlan, commandArguments, DEFAULT_ITEM, inputProblem, parseInput } from './model/argumentPlan';
import { CLIENT_DEBUG_SERVICE, paletteCommands } from './model/catalog';
import { errorText } from './model/results';
import { Presentation, present } from './model/resultView';
import { CommandDescription, StatusSnapshot } from './protocol';
import { DoToken } from './secrets';
import { ServerSession } from './server/serverSession';
import { LogChannels } from './ui/logChannels';

/** One answer; undefined when the person cancelled (or a required file is not open). */
async function answer(a: Ask, title: string): Promise<{ value?: unknown } | undefined> {
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

async function askArguments(d: CommandDescription): Promise<Record<string, unknown> | undefined> {
  const answers: Record<string, unknown> = {};
  for (const a of argumentPlan(d.arguments)) {
    const r = await answer(a, `HostK8s: ${d.title}`);
    if (r === undefined) return undefined;
    answers[a.name] = r.value;
  }
  return answers;
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
  out.info(p.text);
  p.lines.forEach(l => out.info(l));
  if (p.show === 'status') session.setSnapshot(result as StatusSnapshot);
  if (p.show === 'logs' && p.service) logs.channel(p.service).show(true);
  if (p.show === 'document') await vscode.window.showTextDocument(await documents.open(p.text, result), { preview: true });
  if (p.debug) void vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], p.debug as vscode.DebugConfiguration);
  if (p.show === 'document') return;
  const open = p.urlLabel, showOut = 'Show Output';
  const buttons = [...(p.url ? [open] : []), ...(p.lines.length ? [showOut] : [])];
  const a = await (p.warning ? vscode.window.showWarningMessage(p.text, ...buttons) : vscode.window.showInformationMessage(p.text, ...buttons));
  if (a === open && p.url) await vscode.env.openExternal(vscode.Uri.parse(p.url));
  if (a === showOut) out.show();
}

async function runPalette(server: string, session: ServerSession, logs: LogChannels): Promise<void> {
  const described = await session.describe().catch(() => session.commands);
  const d = described.get(server);
  if (!d) {
    void vscode.window.showWarningMessage(`HostK8s: this server does not provide ${server} yet.`);
    return;
  }
  const answers = await askArguments(d);
  if (answers === undefined) return;
  try {
    const result = await session.run({ server, title: d.title, long: d.longRunning }, commandArguments(answers));
    await show(present(d.result, result, answers, d.title), result, session, logs);
    if (d.longRunning) await session.refresh().catch(() => undefined);
  } catch (e) {
    session.output.error(`${server} failed: ${JSON.stringify(e)}`);
    const text = errorText(d.title, e);
    void (text.endsWith('was cancelled.') ? vscode.window.showInformationMessage(text) : vscode.window.showErrorMessage(text));
  }
}

/** The `hostk8s` debug session for a service (the "Debug" code lens passes `{service}`, the palette asks). */
async function debugService(session: ServerSession, arg?: unknown): Promise<void> {
  const given = typeof arg === 'string' ? arg : (arg as { service?: unknown } | undefined)?.service;
  const names = session.snapshot?.services.map(s => s.name) ?? [];
  const service = typeof given === 'string' && given ? given
    : names.length ? await vscode.window.showQuickPick(names, { title: 'HostK8s: Debug Service in Cluster', placeHolder: 'Service' })
      : await vscode.window.showInputBox({ title: 'HostK8s: Debug Service in Cluster', prompt: 'Service name' });
  if (!service) return;
  await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0],
    { type: 'hostk8s', request: 'attach', name: `Debug ${service} in cluster`, service });
}

export function registerCommands(ctx: vscode.ExtensionContext, session: ServerSession, logs: LogChannels, token: DoToken): void {
  const reg = (id: string, fn: (...a: any[]) => unknown) => ctx.subscriptions.push(vscode.commands.registerCommand(id, fn));
  ctx.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(ResultDocuments.SCHEME, documents));
  const contributed: string[] = (ctx.extension.packageJSON?.contributes?.commands ?? []).map((c: { command: string }) => c.command);
  for (const p of paletteCommands(contributed)) reg(p.id, () => runPalette(p.server, session, logs));
  reg('hostk8s.vscode.refresh', () => session.refresh());
  reg('hostk8s.vscode.restartServer', () => session.restart());
  reg('hostk8s.vscode.showOutput', () => session.output.show());
  reg('hostk8s.vscode.openUrl', (url: string) => vscode.env.openExternal(vscode.Uri.parse(url)));
  reg('hostk8s.vscode.setDigitalOceanToken', () => token.set());
  reg('hostk8s.vscode.clearDigitalOceanToken', () => token.clear());
  reg('hostk8s.vscode.debug', () => debugService(session));
  reg(CLIENT_DEBUG_SERVICE, (arg?: unknown) => debugService(session, arg));
}
