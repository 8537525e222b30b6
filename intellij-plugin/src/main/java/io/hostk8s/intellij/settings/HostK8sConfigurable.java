package io.hostk8s.intellij.settings;

import com.intellij.openapi.options.Configurable;
import com.intellij.ui.components.JBTextField;
import com.intellij.util.ui.FormBuilder;
import javax.swing.JComponent;
import org.jetbrains.annotations.Nls;

/** Settings → Tools → HostK8s: Java home (hostk8s.java.home), server jar, JVM arguments. Takes effect on restart. */
public final class HostK8sConfigurable implements Configurable {
  private final JBTextField javaHome = new JBTextField();
  private final JBTextField serverJar = new JBTextField();
  private final JBTextField vmArgs = new JBTextField();

  @Override
  public @Nls String getDisplayName() {
    return "HostK8s";
  }

  @Override
  public JComponent createComponent() {
    return FormBuilder.createFormBuilder()
        .addLabeledComponent("Java home (hostk8s.java.home, 17 or newer; empty: JAVA_HOME, the IDE's runtime, PATH):", javaHome)
        .addLabeledComponent("Server jar (empty: the bundled one):", serverJar)
        .addLabeledComponent("Server JVM arguments:", vmArgs)
        .addComponentFillVertically(new javax.swing.JPanel(), 0).getPanel();
  }

  @Override
  public boolean isModified() {
    var v = HostK8sSettings.get().getState();
    return !javaHome.getText().equals(v.javaHome) || !serverJar.getText().equals(v.serverJar) || !vmArgs.getText().equals(v.vmArgs);
  }

  @Override
  public void apply() {
    var v = HostK8sSettings.get().getState();
    v.javaHome = javaHome.getText().trim();
    v.serverJar = serverJar.getText().trim();
    v.vmArgs = vmArgs.getText().trim();
  }

  @Override
  public void reset() {
    var v = HostK8sSettings.get().getState();
    javaHome.setText(v.javaHome);
    serverJar.setText(v.serverJar);
    vmArgs.setText(v.vmArgs);
  }
}
