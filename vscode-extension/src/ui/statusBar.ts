// Status bar item fed by the session; click opens a quick pick of the actions that fit the state.
import * as vscode from 'vscode';
import { quickActions, statusBarText, statusTooltip } from '../model/statusText';
import { ServerSession } from '../server/serverSession';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hostk8s.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly session: ServerSession) {
    this.item.name = 'HostK8s';
    this.item.command = 'hostk8s.vscode.statusMenu';
    this.subs.push(session.changed.event(() => this.update()));
    this.subs.push(vscode.commands.registerCommand('hostk8s.vscode.statusMenu', () => this.menu()));
    this.update();
    this.item.show();
  }

  update(): void {
    this.item.text = statusBarText(this.session.state, this.session.snapshot, this.session.running[0]);
    this.item.tooltip = statusTooltip(this.session.state, this.session.snapshot);
    const state = this.session.snapshot?.cluster.state;
    this.item.backgroundColor = this.session.state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : state === 'degraded' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  private async menu(): Promise<void> {
    const actions = quickActions(this.session.snapshot, this.session.commands);
    const pick = await vscode.window.showQuickPick(actions, { title: 'HostK8s', placeHolder: statusBarText(this.session.state, this.session.snapshot).replace(/\$\([^)]*\) /g, '') });
    if (pick) await vscode.commands.executeCommand(pick.command, ...(pick.args ?? []));
  }

  dispose(): void {
    this.subs.forEach(s => s.dispose());
    this.item.dispose();
  }
}
