// Opens a tutorial of the workspace (docs/tutorials/) in the Markdown preview, at a part's heading.
import * as vscode from 'vscode';
import { tutorialPath } from '../model/tutorials';

export async function openTutorial(file?: unknown, anchor?: unknown): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const segments = tutorialPath(file);
  if (!root || !segments) {
    void vscode.window.showWarningMessage('HostK8s: open the HostK8s Dev repository folder to read its tutorials (docs/tutorials).');
    return;
  }
  const uri = vscode.Uri.joinPath(root, ...segments).with({ fragment: typeof anchor === 'string' ? anchor : '' });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}
