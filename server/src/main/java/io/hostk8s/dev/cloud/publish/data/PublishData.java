package io.hostk8s.dev.cloud.publish.data;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.app.AppPublisher;
import io.hostk8s.dev.core.EngineServices;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;

/**
 * {@code publish data push} (the local cluster's Postgres → the published one) and {@code pull} (the other way):
 * the local side is the engine's cluster and the workspace's namespace, the cloud side the publish kubeconfig and
 * the app's namespace.
 */
public final class PublishData {
  private final EngineServices engine;

  public PublishData(EngineServices engine) {
    this.engine = engine;
  }

  public DataCopy.Outcome copy(boolean push, boolean force, Progress progress) {
    PublishState state = new PublishStateStore(engine.workspace().stateDir()).load()
        .filter(s -> s.kubeconfig() != null && s.app() != null).orElseThrow(() -> HostK8sException.user(
            ErrorCode.CLOUD_NOT_CONFIGURED, "Nothing is published from this workspace.", "Run publish apply first."));
    try (KubernetesClient cloudClient = KubeClients.client(KubeClients.config(Path.of(state.kubeconfig()), 10_000, 60_000))) {
      progress.report("finding Postgres in both clusters", 2);
      Database local = Databases.find("local", engine.kube(), engine.workspace().config().config().namespace());
      Database cloud = Databases.find("cloud", cloudClient, AppPublisher.NAMESPACE);
      DataCopy copy = new DataCopy(engine.processes(), engine.workspace().env());
      return push ? copy.copy(local, cloud, force, progress) : copy.copy(cloud, local, force, progress);
    }
  }
}
