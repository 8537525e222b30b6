package io.hostk8s.intellij.jvm;

import com.intellij.execution.configurations.ConfigurationTypeBase;
import com.intellij.icons.AllIcons;
import io.hostk8s.intellij.dap.HostK8sConfigurationFactory;

/**
 * "HostK8s worker (JVM)": IntelliJ's own Remote JVM Debug (the Java plugin's debugger, over JDWP), pointed at the
 * server's forward of the worker's JDWP port. Registered only when the Java plugin is present (hostk8s-java.xml).
 */
public final class WorkerJvmConfigurationType extends ConfigurationTypeBase {
  public static final String ID = "HostK8sWorkerJvm";

  public WorkerJvmConfigurationType() {
    super(ID, "HostK8s worker (JVM)", "IntelliJ's Java debugger attached to the worker's JVM through the HostK8s server's JDWP forward",
        AllIcons.RunConfigurations.Remote);
    // options: RemoteConfiguration keeps its own (HOST, PORT…), set from the forward at each start
    addFactory(new HostK8sConfigurationFactory(this, WorkerJvmConfiguration::new, null));
  }
}
