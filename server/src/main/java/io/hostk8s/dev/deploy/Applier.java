package io.hostk8s.dev.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hostk8s.dev.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Server-side applies objects in the given order (field manager {@value #FIELD_MANAGER}, conflicts forced:
 * the dev loop owns what it deploys), one progress line per object, cancellable between objects.
 */
public final class Applier {
  public static final String FIELD_MANAGER = "hostk8s-dev";
  private static final Logger LOG = Logger.getLogger(Applier.class.getName());
  private final KubernetesClient client;

  public Applier(KubernetesClient client) {
    this.client = client;
  }

  /** Applies every object; returns "Kind/name" of each applied object. Percentages run from {@code from} to {@code to}. */
  public List<String> apply(List<HasMetadata> objects, Progress progress, int from, int to) {
    List<String> applied = new ArrayList<>();
    int i = 0;
    for (HasMetadata o : objects) {
      progress.checkCancelled();
      String what = KubeObjects.describe(o);
      progress.report("apply: " + what + " (" + (i + 1) + "/" + objects.size() + ")", from + (to - from) * i / Math.max(1, objects.size()));
      try {
        client.resource(o).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
      } catch (RuntimeException e) {
        throw DeployErrors.applyFailed(what + (o.getMetadata().getNamespace() == null ? "" : " in " + o.getMetadata().getNamespace()), e);
      }
      LOG.fine(() -> "applied " + what);
      applied.add(what);
      i++;
    }
    return List.copyOf(applied);
  }
}
