package io.hostk8s.intellij.dap;

import com.intellij.execution.configurations.RunConfigurationOptions;
import com.intellij.openapi.components.StoredProperty;

/** What a HostK8s run configuration stores: the service only (the address and token are fetched at each start). */
public final class HostK8sDebugOptions extends RunConfigurationOptions {
  private final StoredProperty<String> service = string("vote").provideDelegate(this, "service");

  public String getService() {
    return service.getValue(this);
  }

  public void setService(String value) {
    service.setValue(this, value);
  }
}
