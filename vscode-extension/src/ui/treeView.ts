// Activity-bar view: renders the pure tree model (model/tree.ts) and refreshes on every status change.
import * as vscode from 'vscode';
import { buildTree, TreeNode } from '../model/tree';
import { ServerSession } from '../server/serverSession';

export class StatusTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly session: ServerSession) {
    this.subs.push(session.changed.event(() => this.emitter.fire(undefined)));
    this.subs.push(vscode.window.createTreeView('hostk8s.status', { treeDataProvider: this, showCollapseAll: true }));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : buildTree(this.session.snapshot, id => this.session.commands.has(id));
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
