package io.hostk8s.dev.cloud.publish.release;

import io.hostk8s.dev.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Records a release once its rollout is ready. Nothing is recorded when the images equal the current release's
 * (an unchanged apply, or a rollback run again after it completed), so running a command twice converges.
 */
public final class ReleaseRecorder {
  private static final Logger LOG = Logger.getLogger(ReleaseRecorder.class.getName());
  private final ReleaseStore releases;
  private final ProcessRunner processes;
  private final Path workspaceRoot;

  public ReleaseRecorder(ReleaseStore releases, ProcessRunner processes, Path workspaceRoot) {
    this.releases = releases;
    this.processes = processes;
    this.workspaceRoot = workspaceRoot;
  }

  /** After an apply: a new release when the images differ from the current one's. */
  public Optional<Release> applied(Map<String, String> images) {
    return record(Release.APPLY, images, null);
  }

  /** After a rollback to {@code target}: a new release with its images, unless they already run as the current one. */
  public Optional<Release> rolledBack(Release target) {
    return record(Release.ROLLBACK, target.images(), target.number());
  }

  private Optional<Release> record(String kind, Map<String, String> images, Integer rolledBack) {
    ReleaseHistory history = releases.load();
    Map<String, String> before = history.current().map(Release::images).orElse(Map.of());
    if (!history.releases().isEmpty() && before.equals(images)) {
      return Optional.empty();
    }
    TreeSet<String> services = new TreeSet<>(images.keySet());
    services.addAll(before.keySet());
    List<String> changed = services.stream().filter(s -> !Objects.equals(before.get(s), images.get(s))).toList();
    Release r = new Release(history.nextNumber(), kind, Instant.now().toString(), GitCommit.of(processes, workspaceRoot),
        images, changed, rolledBack);
    releases.append(r);
    LOG.info(() -> "release " + r.number() + " (" + kind + "): changed " + (changed.isEmpty() ? "nothing" : changed));
    return Optional.of(r);
  }
}
