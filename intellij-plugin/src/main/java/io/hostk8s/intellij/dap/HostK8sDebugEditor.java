package io.hostk8s.intellij.dap;

import com.intellij.openapi.options.SettingsEditor;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.ComboBox;
import com.intellij.util.ui.FormBuilder;
import io.hostk8s.intellij.core.debug.DebugChoices;
import io.hostk8s.intellij.lsp.HostK8sSession;
import java.util.List;
import javax.swing.JComponent;
import org.jetbrains.annotations.NotNull;

/** The service chooser: the services the server says have a debugger (hostk8s.debug.endpoint's DEBUG_SERVICE choices). */
final class HostK8sDebugEditor extends SettingsEditor<HostK8sDebugConfiguration> {
  private final ComboBox<String> service = new ComboBox<>();

  HostK8sDebugEditor(Project project) {
    List<String> services = DebugChoices.debuggable(HostK8sSession.get(project).catalog()).orElse(List.of("vote", "worker"));
    services.forEach(service::addItem);
    service.setEditable(true);
  }

  @Override
  protected void resetEditorFrom(@NotNull HostK8sDebugConfiguration c) {
    service.setSelectedItem(c.getService());
  }

  @Override
  protected void applyEditorTo(@NotNull HostK8sDebugConfiguration c) {
    Object s = service.getSelectedItem();
    c.setService(s == null ? "" : s.toString().trim());
  }

  @Override
  protected @NotNull JComponent createEditor() {
    return FormBuilder.createFormBuilder().addLabeledComponent("Service:", service).getPanel();
  }
}
