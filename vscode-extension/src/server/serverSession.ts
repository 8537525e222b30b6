// Owns the language client: finds Java, starts the bundled jar over stdio, restarts it on crash,
// reads the server's command descriptions (`hostk8s/commands`), publishes the commands it announces and describes
// as context keys (palette visibility) and relays the server's notifications. Server commands run by id (code lenses,
// links, fix buttons) go through `runner`, which shows how they ended: never the language client's raw error toast.
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, ExecuteCommandRequest, LanguageClient, LanguageClientOptions, ServerOptions, State,
  Trace, WorkDoneProgress, WorkDoneProgressCancelNotification,
} from 'vscode-languageclient/node';
import { findJava, isFound } from '../java/javaFinder';
import { available, contextKeyFor } from '../model/catalog';
import { ServerState } from '../model/statusText';
import {
  COMMANDS_METHOD, CommandDescription, EVENT_METHOD, HostK8sEvent, LOG_METHOD, LogBatch, SECRET_METHOD, STATUS_METHOD,
  StatusSnapshot,
} from '../protocol';
import { readSettings, serverArgs } from '../settings';
import { askJavaHomeApproval } from './approval';

export interface RunSpec { server: string; title: string; long: boolean }
export interface SessionHooks { onLog(batch: LogBatch): void; secret(name: string): Promise<string | undefined> }

const CRASH_WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 4;

export class ServerSession implements vscode.Disposable {
  private client?: LanguageClient;
  private crashes: number[] = [];
  private progressSeq = 0;
  state: ServerState = 'stopped';
  /** Titles of the long commands running from this window (status bar spinner). */
  readonly running: string[] = [];
  snapshot?: StatusSnapshot;
  announced: ReadonlySet<string> = new Set();
  /** The commands the server announces and describes, by server id. */
  commands: ReadonlyMap<string, CommandDescription> = new Map();
  private contextKeys = new Set<string>();
  private target?: string;
  readonly changed = new vscode.EventEmitter<void>();
  /** The server's `hostk8s/event`s (e.g. `engine.takeover`, which re-attaches debug sessions). */
  readonly events = new vscode.EventEmitter<HostK8sEvent>();
  /** Runs a server command invoked by its id and shows its result or error (set by the commands). */
  runner?: (server: string, args: unknown[]) => Promise<unknown>;

  constructor(private readonly ctx: vscode.ExtensionContext, readonly output: vscode.LogOutputChannel,
    private readonly hooks: SessionHooks) {}

  async start(): Promise<void> {
    this.setState('starting');
    const cfg = vscode.workspace.getConfiguration('hostk8s');
    const settings = readSettings(key => cfg.get(key));
    const inspected = cfg.inspect<string>('java.home');
    const fromWorkspace = !!(inspected?.workspaceValue || inspected?.workspaceFolderValue);
    const java = await findJava({
      setting: { value: settings.javaHome, fromWorkspace },
      env: process.env,
      approve: home => askJavaHomeApproval(this.ctx, home),
    });
    if (!isFound(java)) {
      this.setState('stopped');
      this.output.error(`No usable Java: ${java.problems.join('; ')}`);
      const open = 'Open Settings';
      void vscode.window.showErrorMessage(`HostK8s needs Java 17 or newer. ${java.problems.join('; ')}. Fix: ${java.fix}`, open)
        .then(a => a === open && vscode.commands.executeCommand('workbench.action.openSettings', 'hostk8s.java.home'));
      return;
    }
    const jar = settings.serverJar || this.ctx.asAbsolutePath('server/hostk8s-dev-server.jar');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    this.output.info(`Starting server: ${java.java} (Java ${java.major}, from ${java.source}) ${serverArgs(settings, jar).join(' ')}`);
    const serverOptions: ServerOptions = {
      command: java.java, args: serverArgs(settings, jar), options: { cwd: folder, env: { ...process.env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', pattern: '**/hostk8s.dev.yaml' }],
      outputChannel: this.output,
      // The client's own command wrapper would show a second, raw toast ("Request workspace/executeCommand failed…").
      middleware: {
        executeCommand: (command, args, next) => (this.runner ? this.runner(command, args) : next(command, args)),
      },
      errorHandler: {
        error: (_e, _m, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
        closed: () => this.onClosed(),
      },
    };
    const client = new LanguageClient('hostk8s', 'HostK8s', serverOptions, clientOptions);
    this.client = client;
    client.onNotification(STATUS_METHOD, (s: StatusSnapshot) => this.setSnapshot(s));
    client.onNotification(EVENT_METHOD, (e: HostK8sEvent) => {
      this.output.info(`event ${e.type}${e.service ? ` [${e.service}]` : ''}: ${e.message ?? ''}`);
      this.events.fire(e);
    });
    client.onNotification(LOG_METHOD, (b: LogBatch) => this.hooks.onLog(b));
    client.onRequest(SECRET_METHOD, async (p: { name: string }) => (await this.hooks.secret(p.name)) ?? null);
    client.onDidChangeState(e => {
      if (e.newState === State.Running) void this.onRunning(client);
      else this.setState(e.newState === State.Starting ? 'starting' : 'stopped');
    });
    await client.start();
    if (settings.trace !== 'off') await client.setTrace(settings.trace === 'verbose' ? Trace.Verbose : Trace.Messages);
  }

  private async onRunning(client: LanguageClient): Promise<void> {
    const cmds = client.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
    this.announced = new Set(cmds);
    this.output.info(`Server running; commands: ${cmds.join(', ')}`);
    await this.describe(client).catch(e => this.output.error(`${COMMANDS_METHOD} failed: ${e?.message ?? e}`));
    this.setState('running');
  }

  /** Reads `hostk8s/commands` again (its SERVICE choices follow hostk8s.dev.yaml) and updates the palette's keys. */
  async describe(client = this.client): Promise<ReadonlyMap<string, CommandDescription>> {
    if (!client) return this.commands;
    const described = await client.sendRequest<CommandDescription[]>(COMMANDS_METHOD);
    this.commands = available(this.announced, described ?? []);
    this.setContextKeys([...this.commands.keys()].map(contextKeyFor));
    return this.commands;
  }

  private setContextKeys(keys: string[]): void {
    for (const key of this.contextKeys) if (!keys.includes(key)) void vscode.commands.executeCommand('setContext', key, false);
    for (const key of keys) void vscode.commands.executeCommand('setContext', key, true);
    this.contextKeys = new Set(keys);
  }

  private onClosed() {
    this.announced = new Set();
    this.commands = new Map();
    this.setContextKeys([]);
    this.setState('stopped');
    if (this.client === undefined) return { action: CloseAction.DoNotRestart, handled: true };
    const now = Date.now();
    this.crashes = [...this.crashes.filter(t => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length <= MAX_RESTARTS) {
      void vscode.window.showWarningMessage('The HostK8s server stopped unexpectedly and is being restarted. See "HostK8s: Show Server Output".');
      return { action: CloseAction.Restart, handled: true };
    }
    const restart = 'Restart Server';
    void vscode.window.showErrorMessage(`The HostK8s server crashed ${this.crashes.length} times in 3 minutes and was not restarted.`, restart)
      .then(a => a === restart && vscode.commands.executeCommand('hostk8s.vscode.restartServer'));
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private setState(state: ServerState): void {
    this.state = state;
    void vscode.commands.executeCommand('setContext', 'hostk8s.serverRunning', state === 'running');
    this.changed.fire();
  }

  setSnapshot(s: StatusSnapshot): void {
    if (this.snapshot?.revision !== undefined && s.revision !== undefined && s.revision < this.snapshot.revision
      && s.engine?.pid === this.snapshot.engine?.pid) return;
    this.snapshot = s;
    // the server says what the target is; the palette hides commands that do not apply to it (Stop Cluster on the sandbox)
    if (s.cluster?.target !== this.target) {
      this.target = s.cluster?.target;
      void vscode.commands.executeCommand('setContext', 'hostk8s.target', this.target ?? '');
    }
    this.changed.fire();
  }

  /** Runs a server command; long ones show a notification with the server's progress messages and Cancel. */
  async run(spec: RunSpec, args: unknown[] = []): Promise<unknown> {
    const client = this.client;
    if (!client || this.state !== 'running') throw new Error('The HostK8s server is not running.');
    if (!spec.long) return client.sendRequest(ExecuteCommandRequest.type, { command: spec.server, arguments: args });
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `HostK8s: ${spec.title}`, cancellable: true },
      async (progress, cancel) => {
        const token = `hostk8s-vscode-${process.pid}-${++this.progressSeq}`;
        const sub = client.onProgress(WorkDoneProgress.type, token, v => {
          if (v.kind !== 'end' && v.message) progress.report({ message: v.message });
        });
        const onCancel = cancel.onCancellationRequested(() =>
          void client.sendNotification(WorkDoneProgressCancelNotification.type, { token }));
        this.running.push(spec.title);
        this.changed.fire();
        try {
          return await client.sendRequest(ExecuteCommandRequest.type,
            { command: spec.server, arguments: args, workDoneToken: token }, cancel);
        } finally {
          this.running.splice(this.running.indexOf(spec.title), 1);
          this.changed.fire();
          sub.dispose();
          onCancel.dispose();
        }
      });
  }

  async refresh(): Promise<StatusSnapshot | undefined> {
    if (!this.client || this.state !== 'running') return undefined;
    const s = await this.client.sendRequest<StatusSnapshot>(STATUS_METHOD);
    this.setSnapshot(s);
    return s;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) await client.stop(10000).catch(e => this.output.warn(`stop: ${e}`));
    this.setState('stopped');
  }

  async restart(): Promise<void> {
    this.crashes = [];
    await this.stop();
    await this.start();
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
    this.events.dispose();
  }
}
