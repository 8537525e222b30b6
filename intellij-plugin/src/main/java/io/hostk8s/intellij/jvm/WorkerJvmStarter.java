package io.hostk8s.intellij.jvm;

import com.intellij.execution.ProgramRunnerUtil;
import com.intellij.execution.RunManager;
import com.intellij.execution.RunnerAndConfigurationSettings;
import com.intellij.execution.configurations.ConfigurationTypeUtil;
import com.intellij.execution.executors.DefaultDebugExecutor;
import com.intellij.openapi.project.Project;

/** Starts (creating once) the "HostK8s worker (JVM)" configuration of a Java service. Only with the Java plugin. */
public final class WorkerJvmStarter {
  private WorkerJvmStarter() {}

  /** On the EDT. */
  public static void start(Project project, String service) {
    RunManager rm = RunManager.getInstance(project);
    String name = "Debug " + service + " (JVM)";
    RunnerAndConfigurationSettings s = rm.findConfigurationByTypeAndName(WorkerJvmConfigurationType.ID, name);
    if (s == null) {
      s = rm.createConfiguration(name,
          ConfigurationTypeUtil.findConfigurationType(WorkerJvmConfigurationType.class).getConfigurationFactories()[0]);
      ((WorkerJvmConfiguration) s.getConfiguration()).HOSTK8S_SERVICE = service;
      rm.addConfiguration(s);
    }
    rm.setSelectedConfiguration(s);
    ProgramRunnerUtil.executeConfiguration(s, DefaultDebugExecutor.getDebugExecutorInstance());
  }
}
