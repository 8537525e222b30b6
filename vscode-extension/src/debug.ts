// Debug type `hostk8s`: the server is the adapter; its address comes from the `hostk8s.debug.endpoint` command.
import * as vscode from 'vscode';
import { DEBUG_ENDPOINT_COMMAND } from './model/catalog';
import { debugConfigurations, debuggableServices, debugProblem } from './model/debugChoices';
import { adapterAddress, tokenForAttach } from './model/debugEndpoint';
import { LostSessions, isTakeOver, reattachLine } from './model/reattach';
import { DebugEndpoint } from './protocol';
import { ServerSession } from './server/serverSession';

export const NO_DEBUG_MESSAGE = 'HostK8s debugging is not available: the running HostK8s server does not provide '
  + `"${DEBUG_ENDPOINT_COMMAND}" yet (in-cluster debugging arrives with a later server version).`;


class ConfigProvider implements vscode.DebugConfigurationProvider {
  constructor(private readonly session: ServerSession) {}

  /** The debug picker's "HostK8s" entries: one per service the server says has a debugger. */
  provideDebugConfigurations(): vscode.DebugConfiguration[] {
    return debugConfigurations(debuggableServices(this.session.commands) ?? []);
  }

  resolveDebugConfiguration(_f: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    if (!config.type && !config.request) {
      Object.assign(config, { type: 'hostk8s', request: 'attach', name: 'Debug vote in cluster', service: 'vote' });
    }
    if (!config.service) {
      void vscode.window.showErrorMessage('HostK8s: the debug configuration needs a "service" (e.g. "vote").');
      return undefined;
    }
    if (!this.session.announced.has(DEBUG_ENDPOINT_COMMAND)) {
      void vscode.window.showErrorMessage(NO_DEBUG_MESSAGE);
      return undefined;
    }
    const problem = debugProblem(String(config.service), debuggableServices(this.session.commands));
    if (problem) { // our message with the fix, and undefined: VS Code then starts nothing and opens no launch.json modal
      const open = 'Open hostk8s.dev.yaml';
      void vscode.window.showErrorMessage(problem, open).then(a => { if (a === open) void openDevConfig(); });
      return undefined;
    }
    return config;
  }

  /** TCP only (a server without the socket): the attach must show the adapter's token. Never shown or logged. */
  async resolveDebugConfigurationWithSubstitutedVariables(_f: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration):
    Promise<vscode.DebugConfiguration | undefined> {
    const token = tokenForAttach(await endpoint(this.session, config));
    if (token) config.token = token;
    return config;
  }
}

async function endpoint(session: ServerSession, config: vscode.DebugConfiguration, sessionId?: string): Promise<DebugEndpoint> {
  if (!session.announced.has(DEBUG_ENDPOINT_COMMAND)) throw new Error(NO_DEBUG_MESSAGE);
  const args: Record<string, unknown> = { ...config, sessionId };
  delete args.token;
  return await session.run({ server: DEBUG_ENDPOINT_COMMAND, title: 'Debug endpoint', long: false }, [args]) as DebugEndpoint;
}

class DescriptorFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly session: ServerSession) {}

  async createDebugAdapterDescriptor(s: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor> {
    const ep = await endpoint(this.session, s.configuration, s.id);
    const a = adapterAddress(ep); // the socket first: only this user can reach it
    if (a && 'pipe' in a) return new vscode.DebugAdapterNamedPipeServer(a.pipe);
    if (a) return new vscode.DebugAdapterServer(a.port, a.host);
    throw new Error(`HostK8s: ${DEBUG_ENDPOINT_COMMAND} returned no address (path or port).`);
  }
}

async function openDevConfig(): Promise<void> {
  const [file] = await vscode.workspace.findFiles('hostk8s.dev.yaml', undefined, 1);
  if (file) await vscode.window.showTextDocument(file);
}

/**
 * Sessions lost with the engine's owner come back: when the server says it took the engine over, each `hostk8s`
 * session that ended by itself shortly before is started again with its configuration (docs/debug.md).
 */
function registerReattach(ctx: vscode.ExtensionContext, session: ServerSession): void {
  const book = new LostSessions<vscode.DebugConfiguration>();
  ctx.subscriptions.push(
    vscode.debug.registerDebugAdapterTrackerFactory('hostk8s', {
      createDebugAdapterTracker: s => ({
        onWillReceiveMessage: (m: { command?: string }) => book.toAdapter(s.id, m?.command),
        onDidSendMessage: (m: { type?: string; event?: string }) => { if (m?.type === 'event') book.fromAdapter(s.id, m.event); },
      }),
    }),
    vscode.debug.onDidStartDebugSession(s => { if (s.type === 'hostk8s') book.started(s.id, { ...s.configuration }); }),
    vscode.debug.onDidTerminateDebugSession(s => { if (s.type === 'hostk8s') book.ended(s.id, Date.now()); }),
    session.events.event(e => {
      if (!isTakeOver(e)) return;
      // the old adapter's connection may end a moment after the notice: look once it has
      setTimeout(() => {
        for (const config of book.toReattach(Date.now())) {
          session.output.info(reattachLine(e, config.name));
          void vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], config).then(ok => {
            if (ok) vscode.debug.activeDebugConsole.appendLine(reattachLine(e, config.name));
          });
        }
      }, 1000);
    }));
}

export function registerDebug(ctx: vscode.ExtensionContext, session: ServerSession): void {
  const provider = new ConfigProvider(session);
  registerReattach(ctx, session);
  ctx.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('hostk8s', provider),
    vscode.debug.registerDebugConfigurationProvider('hostk8s', provider, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory('hostk8s', new DescriptorFactory(session)));
}
