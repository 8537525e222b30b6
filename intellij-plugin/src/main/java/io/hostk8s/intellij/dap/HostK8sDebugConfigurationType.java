package io.hostk8s.intellij.dap;

import com.intellij.execution.configurations.ConfigurationTypeBase;
import com.intellij.icons.AllIcons;

/** Run → Edit Configurations → HostK8s: debug a service in the cluster through the server's adapter. */
public final class HostK8sDebugConfigurationType extends ConfigurationTypeBase {
  public static final String ID = "HostK8sDebug";

  public HostK8sDebugConfigurationType() {
    super(ID, "HostK8s", "Debug a service of hostk8s.dev.yaml in the cluster", AllIcons.Actions.StartDebugger);
    addFactory(new HostK8sConfigurationFactory(this, (p, f) -> new HostK8sDebugConfiguration(p, f, "HostK8s"),
        HostK8sDebugOptions.class));
  }
}
