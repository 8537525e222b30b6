// Registers the palette commands: each forwards to a server command and shows its result. No business logic.
import * as vscode from 'vscode';
import { PaletteCommand, PALETTE_COMMANDS } from './model/catalog';
import { doctorLines, doctorSummary, DoctorResult, errorText } from './model/results';
import { statusBarText } from './model/statusText';
import { StatusSnapshot } from './protocol';
import { DoToken } from './secrets';
import { ServerSession } from './server/serverSession';
import { LogChannels } from './ui/logChannels';

async function pickService(session: ServerSession, title: string): Promise<string | undefined> {
  const names = session.snapshot?.services.map(s => s.name) ?? [];
  if (names.length === 0) return vscode.window.showInputBox({ title, prompt: 'Service name' });
  return vscode.window.showQuickPick(names, { title, placeHolder: 'Service' });
}

async function argumentsFor(p: PaletteCommand, session: ServerSession): Promise<unknown[] | undefined> {
  if (p.server === 'hostk8s.sync.explain') {
    const doc = vscode.window.activeTextEditor?.document;
    return doc ? [{ path: doc.uri.fsPath }] : undefined;
  }
  if (!p.service) return [];
  const service = await pickService(session, `HostK8s: ${p.title}`);
  return service ? [{ service }] : undefined;
}

async function show(p: PaletteCommand, result: unknown, session: ServerSession, logs: LogChannels, args: unknown[]): Promise<void> {
  const out = session.output;
  switch (p.server) {
    case 'hostk8s.status': {
      session.setSnapshot(result as StatusSnapshot);
      void vscode.window.showInformationMessage(statusBarText('running', result as StatusSnapshot).replace(/\$\([^)]*\) /g, ''));
      return;
    }
    case 'hostk8s.doctor': {
      const r = result as DoctorResult;
      doctorLines(r).forEach(l => out.info(l));
      const showOut = 'Show Output';
      const msg = doctorSummary(r);
      const a = await (r.ok ? vscode.window.showInformationMessage(msg, showOut) : vscode.window.showWarningMessage(msg, showOut));
      if (a === showOut) out.show();
      return;
    }
    case 'hostk8s.config.show': {
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: JSON.stringify(result, null, 2) });
      await vscode.window.showTextDocument(doc, { preview: true });
      return;
    }
    case 'hostk8s.logs.follow': {
      const service = (args[0] as { service?: string })?.service;
      if (service) logs.channel(service).show(true);
      return;
    }
    case 'hostk8s.forward.start': {
      const f = result as { service?: string; localPort?: number; url?: string | null };
      out.info(`forward ${f.service} → 127.0.0.1:${f.localPort}`);
      const open = 'Open in Browser';
      const msg = `HostK8s: ${f.service} is forwarded to 127.0.0.1:${f.localPort}.`;
      if (f.url && (await vscode.window.showInformationMessage(msg, open)) === open) {
        await vscode.env.openExternal(vscode.Uri.parse(f.url));
      } else if (!f.url) void vscode.window.showInformationMessage(msg);
      return;
    }
    case 'hostk8s.run.local': {
      // The server started the service on the host under its debugger and returns the debug configuration for it
      // (target + source roots); start it as-is.
      const r = result as { service?: string; url?: string | null; attach?: vscode.DebugConfiguration | null };
      out.info(`${r.service} runs locally${r.url ? ' at ' + r.url : ''}`);
      if (r.attach) await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0], r.attach);
      return;
    }
    default:
      out.info(`${p.server} → ${JSON.stringify(result)}`);
      void vscode.window.showInformationMessage(`HostK8s: ${p.title} done.`);
      if (p.long) await session.refresh().catch(() => undefined);
  }
}

export function registerCommands(ctx: vscode.ExtensionContext, session: ServerSession, logs: LogChannels, token: DoToken): void {
  const reg = (id: string, fn: (...a: any[]) => unknown) => ctx.subscriptions.push(vscode.commands.registerCommand(id, fn));
  for (const p of PALETTE_COMMANDS) {
    reg(p.id, async () => {
      if (!session.announced.has(p.server)) {
        void vscode.window.showWarningMessage(`HostK8s: this server does not provide ${p.server} yet.`);
        return;
      }
      const args = await argumentsFor(p, session);
      if (args === undefined) return;
      try {
        await show(p, await session.run(p, args), session, logs, args);
      } catch (e) {
        session.output.error(`${p.server} failed: ${JSON.stringify(e)}`);
        const text = errorText(p.title, e);
        void (text.endsWith('was cancelled.') ? vscode.window.showInformationMessage(text) : vscode.window.showErrorMessage(text));
      }
    });
  }
  reg('hostk8s.vscode.refresh', () => session.refresh());
  reg('hostk8s.vscode.restartServer', () => session.restart());
  reg('hostk8s.vscode.showOutput', () => session.output.show());
  reg('hostk8s.vscode.openUrl', (url: string) => vscode.env.openExternal(vscode.Uri.parse(url)));
  reg('hostk8s.vscode.setDigitalOceanToken', () => token.set());
  reg('hostk8s.vscode.clearDigitalOceanToken', () => token.clear());
  reg('hostk8s.vscode.debug', async () => {
    const service = await pickService(session, 'HostK8s: Debug Service in Cluster');
    if (!service) return;
    await vscode.debug.startDebugging(vscode.workspace.workspaceFolders?.[0],
      { type: 'hostk8s', request: 'attach', name: `Debug ${service} in cluster`, service });
  });
}
