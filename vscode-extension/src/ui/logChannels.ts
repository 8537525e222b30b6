// One output channel per service, filled from `hostk8s/log` notifications.
import * as vscode from 'vscode';
import { LogBatch, logLines } from '../protocol';

export class LogChannels implements vscode.Disposable {
  private readonly channels = new Map<string, vscode.OutputChannel>();

  channel(service: string): vscode.OutputChannel {
    let ch = this.channels.get(service);
    if (!ch) {
      ch = vscode.window.createOutputChannel(`HostK8s: ${service}`);
      this.channels.set(service, ch);
    }
    return ch;
  }

  append(batch: LogBatch): void {
    const lines = logLines(batch);
    if (lines.length === 0) return;
    const ch = this.channel(batch.service);
    for (const line of lines) ch.appendLine(line);
  }

  dispose(): void {
    this.channels.forEach(c => c.dispose());
  }
}
