// Opens a tutorial in the Markdown preview at a part's heading: the workspace's docs/tutorials/ when it has the file,
// else the copy packaged with the extension (a walkthrough link must work in a person's own project too).
import * as vscode from 'vscode';
import { tutorialPath } from '../model/tutorials';

export async function openTutorial(extensionUri: vscode.Uri, file?: unknown, anchor?: unknown): Promise<void> {
  const segments = tutorialPath(file);
  if (!segments) {
    void vscode.window.showWarningMessage(`HostK8s: ${String(file)} is not one of the tutorials (docs/tutorials).`);
    return;
  }
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const own = root && vscode.Uri.joinPath(root, ...segments);
  const base = own && await exists(own) ? own : vscode.Uri.joinPath(extensionUri, ...segments);
  const uri = base.with({ fragment: typeof anchor === 'string' ? anchor : '' });
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}
