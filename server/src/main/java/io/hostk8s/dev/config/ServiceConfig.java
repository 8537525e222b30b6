package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service of the app: how it is built, found in the cluster, synced and debugged. {@code afterSync} is a shell
 * command run in the container after each applied sync batch (null: none, e.g. for the Flask reloader;
 * {@code kill -HUP 1} for gunicorn).
 */
public record ServiceConfig(
    String context,
    String dockerfile,
    String image,
    Map<String, String> selector,
    String container,
    List<SyncRule> sync,
    DebugConfig debug,
    String afterSync) {

  public ServiceConfig {
    selector = selector == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(selector));
    sync = sync == null ? List.of() : List.copyOf(sync);
  }

  public ServiceConfig(String context, String dockerfile, String image, Map<String, String> selector, String container,
      List<SyncRule> sync, DebugConfig debug) {
    this(context, dockerfile, image, selector, container, sync, debug, null);
  }
}
