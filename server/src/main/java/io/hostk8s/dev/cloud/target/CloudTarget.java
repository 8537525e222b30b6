package io.hostk8s.dev.cloud.target;

import io.hostk8s.dev.cloud.publish.CloudStatusReader;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.Workspace;
import io.hostk8s.dev.error.HostK8sException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cloud target's wiring: the workspace reaches the published cluster through the kubeconfig publish fetched
 * (read from the publish state on every use, so a later {@code publish apply} or {@code teardown} is seen at once),
 * and the status carries the cloud section (what is published, its monthly cost) from the state.
 */
public final class CloudTarget {
  private static final Logger LOG = Logger.getLogger(CloudTarget.class.getName());

  private CloudTarget() {}

  /** Gives {@code ws} publish's kubeconfig for its cloud target. */
  public static void wire(Workspace ws) {
    PublishStateStore store = new PublishStateStore(ws.stateDir());
    ws.cloudKubeconfigFrom(() -> kubeconfig(store));
  }

  /** Publish's kubeconfig, when publish fetched one (empty: nothing published, or the state cannot be read). */
  public static Optional<Path> kubeconfig(PublishStateStore store) {
    try {
      return store.load().map(PublishState::kubeconfig).map(Path::of).filter(Files::isRegularFile);
    } catch (HostK8sException e) {
      LOG.log(Level.FINE, "publish state unreadable", e);
      return Optional.empty();
    }
  }

  /** Puts the cloud section read from the publish state (no API call) into the status, when something is published. */
  public static void showRecorded(EngineServices engine) {
    try {
      Optional<PublishState> state = new PublishStateStore(engine.workspace().stateDir()).load();
      if (state.isPresent() && !state.get().isEmpty()) {
        engine.status().update(s -> s.cloud() != null ? s : s.withCloud(CloudStatusReader.offline(state)));
      }
    } catch (HostK8sException e) {
      LOG.log(Level.FINE, "publish state unreadable", e);
    }
  }
}
