package io.hostk8s.intellij.dap;

import com.intellij.execution.configurations.ConfigurationFactory;
import com.intellij.execution.configurations.ConfigurationType;
import com.intellij.execution.configurations.RunConfiguration;
import com.intellij.openapi.components.BaseState;
import com.intellij.openapi.project.Project;
import java.util.function.BiFunction;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

/** The one factory of each HostK8s configuration type (its id is the type's). */
public final class HostK8sConfigurationFactory extends ConfigurationFactory {
  private final BiFunction<Project, ConfigurationFactory, RunConfiguration> create;
  private final Class<? extends BaseState> options;

  public HostK8sConfigurationFactory(ConfigurationType type, BiFunction<Project, ConfigurationFactory, RunConfiguration> create,
      Class<? extends BaseState> options) {
    super(type);
    this.create = create;
    this.options = options;
  }

  @Override
  public @NotNull String getId() {
    return getType().getId();
  }

  @Override
  public @NotNull RunConfiguration createTemplateConfiguration(@NotNull Project project) {
    return create.apply(project, this);
  }

  @Override
  public @Nullable Class<? extends BaseState> getOptionsClass() {
    return options;
  }
}
