package io.hostk8s.dev.cloud.publish.release;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.cloud.digitalocean.Sleeper;
import io.hostk8s.dev.cloud.publish.AppState;
import io.hostk8s.dev.cloud.publish.PublishState;
import io.hostk8s.dev.cloud.publish.PublishStateStore;
import io.hostk8s.dev.cloud.publish.app.AppPublisher;
import io.hostk8s.dev.cloud.publish.debug.CloudDebug;
import io.hostk8s.dev.core.KubeClients;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.progress.Progress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code publish rollback}: the Deployments back to a recorded release's images (the one before the current, or
 * {@code --to n}), waited for with readiness, then recorded as a new release. Postgres and its volume are not
 * touched. Stopped half-way, the same command converges: the release is recorded only once it is ready, so the
 * target is still the same one.
 */
public final class PublishRollback {
  private final PublishStateStore store;
  private final ReleaseStore releases;
  private final ReleaseRecorder recorder;
  private final ReleaseRollout rollout;

  public PublishRollback(PublishStateStore store, ProcessRunner processes, Path workspaceRoot, Sleeper sleeper,
      Duration timeout) {
    this.store = store;
    this.releases = new ReleaseStore(store);
    this.recorder = new ReleaseRecorder(releases, processes, workspaceRoot);
    this.rollout = new ReleaseRollout(sleeper, timeout);
  }

  /** {@code recorded}: the new release (empty when the target's images already were the current release's). */
  public record Outcome(Release target, Optional<Release> recorded, Map<String, String> rolled, List<String> lines) {}

  public Outcome rollback(Integer to, Progress progress) throws InterruptedException {
    PublishState state = store.load().filter(s -> s.kubeconfig() != null && s.app() != null).orElseThrow(() ->
        HostK8sException.user(ErrorCode.CLOUD_NOT_CONFIGURED, "Nothing is published from this workspace.",
            "Run publish apply first."));
    ReleaseHistory history = releases.load();
    Release target = (to == null ? history.previous() : history.number(to)).orElseThrow(() ->
        HostK8sException.user(ErrorCode.CLOUD_NO_RELEASE, to == null
            ? "There is no release before the current one (" + history.releases().size() + " recorded)."
            : "There is no release " + to + " (recorded: " + history.releases().stream().map(r -> "" + r.number()).toList() + ").",
            "See publish history."));
    progress.report("rolling back to release " + target.number(), 10);
    Map<String, String> rolled;
    List<String> debugEnded;
    try (KubernetesClient client = KubeClients.client(KubeClients.config(Path.of(state.kubeconfig()), 10_000, 60_000))) {
      debugEnded = CloudDebug.endBeforeApply(client, progress);
      rolled = rollout.roll(client, AppPublisher.NAMESPACE, target.images(), progress);
    }
    AppState app = state.app();
    store.save(state.withApp(app.withImages(target.images(), app.pushedTags()).withDebug(Map.of())));
    Optional<Release> recorded = recorder.rolledBack(target);
    List<String> lines = new ArrayList<>(debugEnded);
    rolled.forEach((deployment, image) -> lines.add(deployment + " → " + image));
    if (rolled.isEmpty()) {
      lines.add("every Deployment already ran release " + target.number() + "'s images");
    }
    lines.add(recorded.map(r -> "recorded as release " + r.number() + " (rollback to " + target.number() + ")")
        .orElse("release " + target.number() + "'s images are the current release's: nothing new recorded"));
    return new Outcome(target, recorded, rolled, lines);
  }
}
