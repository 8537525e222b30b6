// Activity-bar view: renders the pure tree model (model/tree.ts) and refreshes when a status change changes it (an
// unchanged tree is not redrawn: no flicker, and an open context menu is not redrawn under the pointer).
import * as vscode from 'vscode';
import { buildTree, TreeNode } from '../model/tree';
import { ServerSession } from '../server/serverSession';

export class StatusTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];
  private shown = '';

  constructor(private readonly session: ServerSession) {
    this.subs.push(session.changed.event(() => {
      const now = JSON.stringify(this.roots());
      if (now !== this.shown) {
        this.shown = now;
        this.emitter.fire(undefined);
      }
    }));
    this.subs.push(vscode.window.createTreeView('hostk8s.status', { treeDataProvider: this, showCollapseAll: true }));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.children;
    const roots = this.roots();
    this.shown = JSON.stringify(roots);
    return roots;
  }

  private roots(): TreeNode[] {
    return buildTree(this.session.snapshot, id => this.session.commands.has(id));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const top = node.id === 'cluster' || node.id === 'services' || node.id === 'cloud';
    const collapsible = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None
      : top ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    const text = node.description ? `${node.label}: ${node.description}` : node.label;
    item.tooltip = node.tooltip ? `${text}\n${node.tooltip}` : text;
    item.accessibilityInformation = { label: text };
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    if (node.contextValue) item.contextValue = node.contextValue;
    if (node.url) item.command = { command: 'hostk8s.vscode.openUrl', title: 'Open', arguments: [node.url] };
    else if (node.command) item.command = { command: node.command, title: node.label };
    return item;
  }

  dispose(): void {
    this.subs.forEach(s => s.dispose());
    this.emitter.dispose();
  }
}
