package io.hostk8s.intellij.settings;

import com.intellij.ide.plugins.PluginManagerCore;
import com.intellij.openapi.components.PersistentStateComponent;
import com.intellij.openapi.components.Service;
import com.intellij.openapi.components.State;
import com.intellij.openapi.components.Storage;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.extensions.PluginId;
import java.nio.file.Path;
import java.util.List;
import org.jetbrains.annotations.NotNull;

/** Application settings (Settings → Tools → HostK8s): the Java home, the server jar (default: the bundled one), JVM args. */
@Service(Service.Level.APP)
@State(name = "HostK8sSettings", storages = @Storage("hostk8s.xml"))
public final class HostK8sSettings implements PersistentStateComponent<HostK8sSettings.Values> {
  public static final String PLUGIN_ID = "io.hostk8s.dev";

  /** The stored values (public fields: IntelliJ's XML serializer). */
  public static final class Values {
    public String javaHome = "";
    public String serverJar = "";
    public String vmArgs = "-Xmx512m";
  }

  private Values values = new Values();

  public static HostK8sSettings get() {
    return ApplicationManager.getApplication().getService(HostK8sSettings.class);
  }

  @Override
  public @NotNull Values getState() {
    return values;
  }

  @Override
  public void loadState(@NotNull Values state) {
    values = state;
  }

  public String javaHome() {
    return values.javaHome;
  }

  public List<String> vmArgs() {
    return values.vmArgs == null || values.vmArgs.isBlank() ? List.of() : List.of(values.vmArgs.trim().split("\\s+"));
  }

  /** The configured jar, else the one bundled in the plugin ({@code <plugin>/server/hostk8s-dev-server.jar}). */
  public Path serverJar() {
    if (values.serverJar != null && !values.serverJar.isBlank()) {
      return Path.of(values.serverJar.trim());
    }
    var plugin = PluginManagerCore.getPlugin(PluginId.getId(PLUGIN_ID));
    return plugin.getPluginPath().resolve("server").resolve("hostk8s-dev-server.jar");
  }
}
