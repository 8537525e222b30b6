package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One service of the app: how it is built, found in the cluster, synced and debugged. */
public record ServiceConfig(
    String context,
    String dockerfile,
    String image,
    Map<String, String> selector,
    String container,
    List<SyncRule> sync,
    DebugConfig debug) {

  public ServiceConfig {
    selector = selector == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(selector));
    sync = sync == null ? List.of() : List.copyOf(sync);
  }
}
