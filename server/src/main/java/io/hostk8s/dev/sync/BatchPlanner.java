package io.hostk8s.dev.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns changes into a {@link BatchPlan}: saved files become copies (unless the pod already has the same content),
 * vanished paths become deletions (unless ignored: an ignored path in the pod, such as {@code node_modules}, is
 * never touched), new directories are walked, refused paths are listed with the reason. {@link #reconcile} plans
 * the difference between the whole local tree and a pod's listing.
 */
final class BatchPlanner {
  private final List<SyncSource> sources;
  private final LocalFiles files;

  BatchPlanner(List<SyncSource> sources, LocalFiles files) {
    this.sources = List.copyOf(sources);
    this.files = files;
  }

  /** The plan for watched changes, against what the pod is known to hold ({@code manifest}: container path → hash). */
  BatchPlan changes(Map<Path, Long> changes, Map<String, String> manifest, long earliest) throws IOException {
    Map<String, BatchPlan.Copy> copies = new LinkedHashMap<>();
    Map<String, BatchPlan.Delete> deletes = new LinkedHashMap<>();
    List<BatchPlan.Skip> skipped = new ArrayList<>();
    for (Path p : changes.keySet()) {
      for (SyncSource s : sources) {
        if (p.startsWith(s.root()) && !p.equals(s.root())) {
          plan(s, p, manifest, copies, deletes, skipped);
        }
      }
    }
    return new BatchPlan("watch", List.copyOf(copies.values()), List.copyOf(deletes.values()), skipped, earliest);
  }

  private void plan(SyncSource s, Path p, Map<String, String> manifest, Map<String, BatchPlan.Copy> copies,
      Map<String, BatchPlan.Delete> deletes, List<BatchPlan.Skip> skipped) throws IOException {
    SyncPaths.Result r = SyncPaths.relative(s.root(), p);
    if (!r.ok()) {
      skipped.add(new BatchPlan.Skip(r.path(), r.refusal()));
      return;
    }
    String rel = r.path();
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      if (!s.ignore().ignored(rel, true)) {
        LocalFiles.Scan scan = files.scan(s, p);
        skipped.addAll(scan.refused());
        for (LocalFiles.Entry e : scan.files()) {
          copy(e, manifest, copies);
        }
      }
      return;
    }
    if (LocalFiles.exists(p)) {
      Optional<LocalFiles.Candidate> c = files.entry(s, p);
      if (c.isEmpty()) {
        return; // ignored
      }
      if (c.get().refusal() != null) {
        skipped.add(new BatchPlan.Skip(rel, c.get().refusal()));
        return;
      }
      try {
        copy(new LocalFiles.Entry(s, rel, p), manifest, copies);
        return;
      } catch (IOException e) {
        if (!LocalFiles.isMissing(e)) {
          throw e;
        }
        // gone since the event: fall through to a deletion
      }
    }
    files.forget(p);
    if (s.ignore().ignored(rel, false) && s.ignore().ignored(rel, true)) {
      return;
    }
    String target = s.target(rel);
    copies.remove(target);
    deletes.put(target, new BatchPlan.Delete(s, rel, target));
  }

  private void copy(LocalFiles.Entry e, Map<String, String> manifest, Map<String, BatchPlan.Copy> copies) throws IOException {
    String target = e.source().target(e.rel());
    String hash = files.hash(e.path());
    if (!hash.equals(manifest.get(target))) {
      copies.put(target, new BatchPlan.Copy(e.source(), e.rel(), e.path(), target, hash));
    }
  }

  /**
   * The plan that makes a pod equal to the local tree: {@code listing} is what the pod holds under the targets
   * (container path → hash), or null when it could not be listed — then everything is copied and nothing deleted.
   */
  BatchPlan reconcile(Map<String, String> listing, long earliest) throws IOException {
    Map<String, BatchPlan.Copy> copies = new LinkedHashMap<>();
    Map<String, Boolean> local = new LinkedHashMap<>();
    List<BatchPlan.Skip> skipped = new ArrayList<>();
    Map<String, String> known = listing == null ? Map.of() : listing;
    for (SyncSource s : sources) {
      LocalFiles.Scan scan = files.scan(s, s.root());
      skipped.addAll(scan.refused());
      for (LocalFiles.Entry e : scan.files()) {
        local.put(s.target(e.rel()), true);
        try {
          copy(e, known, copies);
        } catch (IOException ex) {
          if (!LocalFiles.isMissing(ex)) {
            throw ex;
          }
        }
      }
    }
    List<BatchPlan.Delete> deletes = new ArrayList<>();
    if (listing != null) {
      for (String target : listing.keySet()) {
        if (local.containsKey(target)) {
          continue;
        }
        for (SyncSource s : sources) {
          String rel = s.relativeOf(target);
          if (rel != null && SyncPaths.checkRelative(rel).isEmpty() && !s.ignore().ignored(rel, false)) {
            deletes.add(new BatchPlan.Delete(s, rel, target));
            break;
          }
        }
      }
    }
    return new BatchPlan("reconcile", List.copyOf(copies.values()), deletes, skipped, earliest);
  }

  List<SyncSource> sources() {
    return sources;
  }
}
