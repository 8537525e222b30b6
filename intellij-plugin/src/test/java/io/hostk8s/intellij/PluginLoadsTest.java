package io.hostk8s.intellij;

import com.intellij.execution.configurations.ConfigurationType;
import com.intellij.openapi.actionSystem.ActionManager;
import com.intellij.openapi.wm.StatusBarWidgetFactory;
import com.intellij.testFramework.fixtures.BasePlatformTestCase;
import com.redhat.devtools.lsp4ij.LanguageServersRegistry;
import com.redhat.devtools.lsp4ij.dap.DebugAdapterManager;

/**
 * Platform test (a headless IDE with LSP4IJ; run by .github/workflows/intellij.yml, not on our machines): the
 * descriptor's extensions are loaded where LSP4IJ and the platform look for them.
 */
public class PluginLoadsTest extends BasePlatformTestCase {
  public void testTheServerTheDebugAdapterAndTheUiAreRegistered() {
    assertNotNull(LanguageServersRegistry.getInstance().getServerDefinition("hostk8s"));
    assertNotNull(DebugAdapterManager.getInstance().getDebugAdapterServerById("hostk8s-debug"));
    assertNotNull(ActionManager.getInstance().getAction("HostK8s.Menu"));
    assertNotNull(ActionManager.getInstance().getAction("hostk8s.client.run"));
    assertTrue(StatusBarWidgetFactory.EP_NAME.getExtensionList().stream().anyMatch(f -> f.getId().equals("HostK8sStatus")));
    assertTrue(ConfigurationType.CONFIGURATION_TYPE_EP.getExtensionList().stream()
        .anyMatch(t -> t.getId().equals("HostK8sDebug")));
    assertTrue(ConfigurationType.CONFIGURATION_TYPE_EP.getExtensionList().stream()
        .anyMatch(t -> t.getId().equals("HostK8sWorkerJvm")));
  }
}
