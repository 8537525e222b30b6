package io.hostk8s.dev.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service of the app: how it is built, found in the cluster, synced, debugged and run on the host. {@code afterSync}
 * is a shell command run in the container after each applied sync batch (null: none, e.g. for the Flask reloader;
 * {@code kill -HUP 1} for gunicorn); {@code local} how to run it on the host ({@code hostk8s.run.local}).
 */
public record ServiceConfig(
    String context,
    String dockerfile,
    String image,
    Map<String, String> selector,
    String container,
    List<SyncRule> sync,
    DebugConfig debug,
    String afterSync,
    LocalRunConfig local) {

  public ServiceConfig {
    selector = selector == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(selector));
    sync = sync == null ? List.of() : List.copyOf(sync);
  }

  /** A service without an after-sync action nor a local run configuration. */
  public ServiceConfig(String context, String dockerfile, String image, Map<String, String> selector, String container,
      List<SyncRule> sync, DebugConfig debug) {
    this(context, dockerfile, image, selector, container, sync, debug, null, null);
  }
}
