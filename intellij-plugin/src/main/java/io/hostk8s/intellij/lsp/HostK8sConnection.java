package io.hostk8s.intellij.lsp;

import com.intellij.execution.configurations.GeneralCommandLine;
import com.intellij.openapi.project.Project;
import com.redhat.devtools.lsp4ij.server.CannotStartProcessException;
import com.redhat.devtools.lsp4ij.server.OSProcessStreamConnectionProvider;
import io.hostk8s.intellij.core.java.JavaDiscovery;
import io.hostk8s.intellij.settings.HostK8sSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the bundled server jar with the Java the core's discovery picks (setting → JAVA_HOME → the IDE's JBR if
 * ≥ 17 → PATH). LSP4IJ calls {@link #start()} off the EDT, so running {@code java -version} there is allowed.
 */
final class HostK8sConnection extends OSProcessStreamConnectionProvider {
  private final Project project;

  HostK8sConnection(Project project) {
    this.project = project;
  }

  @Override
  public void start() throws CannotStartProcessException {
    HostK8sSettings settings = HostK8sSettings.get();
    Object found = JavaDiscovery.find(JavaDiscovery.Input.of(settings.javaHome(), System.getenv(),
        Path.of(System.getProperty("java.home"))));
    if (found instanceof JavaDiscovery.NotFound nf) {
      HostK8sNotifier.javaMissing(project, nf.message());
      throw new CannotStartProcessException(nf.message());
    }
    JavaDiscovery.Found java = (JavaDiscovery.Found) found;
    List<String> cmd = new ArrayList<>(List.of(java.java().toString()));
    cmd.addAll(settings.vmArgs());
    cmd.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", settings.serverJar().toString(), "lsp"));
    setCommandLine(new GeneralCommandLine(cmd).withWorkDirectory(project.getBasePath()).withCharset(StandardCharsets.UTF_8));
    super.start();
  }
}
