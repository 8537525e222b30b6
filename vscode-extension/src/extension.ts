// Entry point: wires the session, status bar, tree, commands, debugger and secrets together.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerDebug } from './debug';
import { DoToken } from './secrets';
import { ServerSession } from './server/serverSession';
import { LogChannels } from './ui/logChannels';
import { StatusBar } from './ui/statusBar';
import { StatusTree } from './ui/treeView';

let session: ServerSession | undefined;

export async function activate(ctx: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('HostK8s', { log: true });
  const logs = new LogChannels();
  const token = new DoToken(ctx.secrets);
  session = new ServerSession(ctx, output, { onLog: b => logs.append(b), secret: n => token.forServer(n) });
  ctx.subscriptions.push(output, logs, session, new StatusBar(session), new StatusTree(session));
  registerCommands(ctx, session, logs, token);
  registerDebug(ctx, session);
  ctx.subscriptions.push(vscode.workspace.onDidChangeConfiguration(e => {
    if (e.affectsConfiguration('hostk8s.java.home') || e.affectsConfiguration('hostk8s.server')) {
      void vscode.window.showInformationMessage('HostK8s settings changed.', 'Restart Server')
        .then(a => a && session?.restart());
    }
  }));
  session.start().catch(e => {
    output.error(`Server start failed: ${e?.stack ?? e}`);
    void vscode.window.showErrorMessage(`HostK8s server did not start: ${e?.message ?? e}`, 'Show Output')
      .then(a => a && output.show());
  });
}

export async function deactivate(): Promise<void> {
  await session?.stop();
}
