package io.hostk8s.intellij.ui;

import com.intellij.icons.AllIcons;
import java.util.Map;
import javax.swing.Icon;

/** The core's icon keys as IntelliJ's own icons. */
final class HostK8sIcons {
  private static final Map<String, Icon> ROWS = Map.ofEntries(
      Map.entry("pass", AllIcons.RunConfigurations.TestPassed), Map.entry("warning", AllIcons.General.Warning),
      Map.entry("error", AllIcons.General.Error), Map.entry("busy", AllIcons.Process.Step_1),
      Map.entry("stopped", AllIcons.Actions.Suspend), Map.entry("unknown", AllIcons.RunConfigurations.TestNotRan),
      Map.entry("pod", AllIcons.Nodes.Deploy), Map.entry("sync", AllIcons.Actions.Refresh),
      Map.entry("link", AllIcons.Ide.External_link_arrow), Map.entry("plug", AllIcons.Nodes.Plugin),
      Map.entry("debug", AllIcons.Actions.StartDebugger), Map.entry("cloud", AllIcons.Nodes.Deploy),
      Map.entry("info", AllIcons.General.Information), Map.entry("file", AllIcons.FileTypes.Config),
      Map.entry("node", AllIcons.Webreferences.Server), Map.entry("key", AllIcons.Nodes.SecurityRole),
      Map.entry("plan", AllIcons.Actions.ListFiles), Map.entry("cost", AllIcons.General.Information),
      Map.entry("region", AllIcons.General.Web), Map.entry("registry", AllIcons.Nodes.PpLib),
      Map.entry("layers", AllIcons.Nodes.ModuleGroup));

  private HostK8sIcons() {}

  static Icon row(String key) {
    return key == null ? null : ROWS.getOrDefault(key, AllIcons.General.Information);
  }
}
