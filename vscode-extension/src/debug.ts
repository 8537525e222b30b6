// Debug type `hostk8s`: the server is the adapter; its address comes from the `hostk8s.debug.endpoint` command.
import * as vscode from 'vscode';
import { DEBUG_ENDPOINT_COMMAND } from './model/catalog';
import { debugConfigurations, debuggableServices, debugProblem } from './model/debugChoices';
import { ServerSession } from './server/serverSession';

export const NO_DEBUG_MESSAGE = 'HostK8s debugging is not available: the running HostK8s server does not provide '
  + `"${DEBUG_ENDPOINT_COMMAND}" yet (in-cluster debugging arrives with a later server version).`;

interface Endpoint { host?: string; port?: number; socket?: string; pipe?: string }

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
}

class DescriptorFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly session: ServerSession) {}

  async createDebugAdapterDescriptor(s: vscode.DebugSession): Promise<vscode.DebugAdapterDescriptor> {
    if (!this.session.announced.has(DEBUG_ENDPOINT_COMMAND)) throw new Error(NO_DEBUG_MESSAGE);
    const ep = await this.session.run({ server: DEBUG_ENDPOINT_COMMAND, title: 'Debug endpoint', long: false },
      [{ ...s.configuration, sessionId: s.id }]) as Endpoint;
    if (ep?.port) return new vscode.DebugAdapterServer(ep.port, ep.host ?? '127.0.0.1');
    const pipe = ep?.socket ?? ep?.pipe;
    if (pipe) return new vscode.DebugAdapterNamedPipeServer(pipe);
    throw new Error(`HostK8s: ${DEBUG_ENDPOINT_COMMAND} returned no address: ${JSON.stringify(ep)}`);
  }
}

async function openDevConfig(): Promise<void> {
  const [file] = await vscode.workspace.findFiles('hostk8s.dev.yaml', undefined, 1);
  if (file) await vscode.window.showTextDocument(file);
}

export function registerDebug(ctx: vscode.ExtensionContext, session: ServerSession): void {
  const provider = new ConfigProvider(session);
  ctx.subscriptions.push(
    vscode.debug.registerDebugConfigurationProvider('hostk8s', provider),
    vscode.debug.registerDebugConfigurationProvider('hostk8s', provider, vscode.DebugConfigurationProviderTriggerKind.Dynamic),
    vscode.debug.registerDebugAdapterDescriptorFactory('hostk8s', new DescriptorFactory(session)));
}
