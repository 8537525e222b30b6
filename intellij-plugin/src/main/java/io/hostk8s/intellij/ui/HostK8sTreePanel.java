package io.hostk8s.intellij.ui;

import com.intellij.ide.BrowserUtil;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.SimpleToolWindowPanel;
import com.intellij.ui.ColoredTreeCellRenderer;
import com.intellij.ui.PopupHandler;
import com.intellij.ui.SimpleTextAttributes;
import com.intellij.ui.components.JBScrollPane;
import com.intellij.ui.treeStructure.Tree;
import io.hostk8s.intellij.commands.CommandRunner;
import io.hostk8s.intellij.core.tree.StatusTree;
import io.hostk8s.intellij.core.tree.TreeNode;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import org.jetbrains.annotations.NotNull;

/** The core's StatusTree drawn as a Swing tree; double-click opens a row's URL or runs its command. */
final class HostK8sTreePanel extends SimpleToolWindowPanel {
  private final Project project;
  private final DefaultTreeModel model = new DefaultTreeModel(new DefaultMutableTreeNode("HostK8s"));
  private final Tree tree = new Tree(model);

  HostK8sTreePanel(Project project) {
    super(true, true);
    this.project = project;
    tree.setRootVisible(false);
    tree.setCellRenderer(new ColoredTreeCellRenderer() {
      @Override
      public void customizeCellRenderer(@NotNull JTree t, Object value, boolean sel, boolean exp, boolean leaf, int row, boolean focus) {
        if (((DefaultMutableTreeNode) value).getUserObject() instanceof TreeNode n) {
          setIcon(HostK8sIcons.row(n.icon()));
          append(n.label());
          if (n.description() != null) {
            append("  " + n.description(), SimpleTextAttributes.GRAYED_ATTRIBUTES);
          }
          setToolTipText(n.tooltip());
        }
      }
    });
    tree.addMouseListener(new MouseAdapter() {
      @Override
      public void mouseClicked(MouseEvent e) {
        if (e.getClickCount() == 2 && selected() instanceof TreeNode n) {
          if (n.url() != null) {
            BrowserUtil.browse(n.url());
          } else if (n.command() != null) {
            CommandRunner.run(project, n.command(), List.of());
          }
        }
      }
    });
    PopupHandler.installPopupMenu(tree, new TreeRowActions(this::selected), "HostK8sTreePopup");
    setContent(new JBScrollPane(tree));
    HostK8sSession.get(project).onChange(this::refresh);
    refresh();
  }

  private Object selected() {
    var path = tree.getSelectionPath();
    return path == null ? null : ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
  }

  private void refresh() {
    HostK8sSession s = HostK8sSession.get(project);
    DefaultMutableTreeNode root = new DefaultMutableTreeNode("HostK8s");
    for (TreeNode n : StatusTree.build(s.snapshot(), s.catalog()::offers)) {
      root.add(swing(n));
    }
    model.setRoot(root);
    for (int i = 0; i < Math.min(2, tree.getRowCount()); i++) {
      tree.expandRow(i);
    }
  }

  private static DefaultMutableTreeNode swing(TreeNode n) {
    DefaultMutableTreeNode node = new DefaultMutableTreeNode(n);
    n.children().forEach(c -> node.add(swing(c)));
    return node;
  }
}
