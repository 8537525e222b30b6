// One row of the activity-bar tree (plain data; see tree.ts for how rows are built).
import type { TreeTarget } from './treeActions';

export interface TreeNode {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Codicon id, e.g. 'pass', 'error'. */
  icon?: string;
  /** Opened on click: only a forward whose URL the server gave (a web page; never a debugger's port). */
  url?: string;
  /** Run on click (a contributed command id, no arguments), e.g. the Cloud node's "Plan publish". */
  command?: string;
  /**
   * For the menus: `hostk8s.service` / `hostk8s.pod`, then ` dev` (configured in hostk8s.dev.yaml), ` http` (has an
   * http URL); `hostk8s.cloud`, then ` published` (see model/cloudNode.ts).
   */
  contextValue?: string;
  /** What the row's actions act on. */
  target?: TreeTarget;
  children: TreeNode[];
}
