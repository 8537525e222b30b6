package io.hostk8s.dev.cloud.publish.data;

import io.fabric8.kubernetes.client.LocalPortForward;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.progress.Progress;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Copies the app's Postgres tables from one database to another through two port-forwards: rows counted on both
 * sides, a refusal when the target holds rows (unless {@code force}), {@code pg_dump -Fc} of the source's tables
 * into a private temporary file, {@code pg_restore --clean --single-transaction} into the target (its tables are
 * replaced at once, or not at all), and the target's rows counted again against the source's before it says done.
 */
public final class DataCopy {
  private static final Logger LOG = Logger.getLogger(DataCopy.class.getName());
  private final PgTools pg;

  public DataCopy(ProcessRunner processes, Map<String, String> env) {
    this.pg = new PgTools(processes, env);
  }

  /** {@code rows}: table → rows, equal on both sides. */
  public record Outcome(Map<String, Long> rows, List<String> lines, long millis) {}

  public Outcome copy(Database from, Database to, boolean force, Progress progress) {
    long t0 = System.nanoTime();
    List<String> lines = new ArrayList<>();
    progress.report("port-forwarding to " + from + " and " + to, 5);
    try (LocalPortForward src = forward(from); LocalPortForward dst = forward(to)) {
      progress.report("counting rows on both sides", 15);
      Map<String, Long> source = pg.counts(from, src.getLocalPort(), progress);
      Map<String, Long> target = pg.counts(to, dst.getLocalPort(), progress);
      lines.add(from.side() + " " + describe(source));
      lines.add(to.side() + " before: " + describe(target));
      if (source.isEmpty()) {
        lines.add("nothing to copy: the " + from.side() + " database has no tables");
        return new Outcome(Map.of(), lines, millis(t0));
      }
      long held = target.values().stream().mapToLong(Long::longValue).sum();
      if (held > 0 && !force) {
        throw HostK8sException.user(ErrorCode.CLOUD_DATA_TARGET_NOT_EMPTY, "The " + to.side() + " database already holds "
            + held + " rows (" + describe(target) + "); copying would replace them.", "Copy the other way first if you"
            + " need them, or run it again with --force to replace the " + to.side() + " tables.");
      }
      Path dir = Files.createTempDirectory("hostk8s-data-", PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rwx------")));
      try {
        Path dump = dir.resolve("tables.dump");
        progress.report("dumping " + source.size() + " tables from the " + from.side() + " database", 35);
        pg.dump(from, src.getLocalPort(), List.copyOf(source.keySet()), dump, progress);
        lines.add("dumped " + String.join(", ", source.keySet()) + " (" + Files.size(dump) + " bytes)");
        progress.report("restoring into the " + to.side() + " database", 60);
        pg.restore(to, dst.getLocalPort(), dump, progress);
      } finally {
        deleteTree(dir);
      }
      progress.report("checking row counts", 85);
      Map<String, Long> after = pg.counts(to, dst.getLocalPort(), progress);
      List<String> differ = differences(source, after);
      if (!differ.isEmpty()) {
        Map<String, Long> now = pg.counts(from, src.getLocalPort(), progress); // rows may have arrived meanwhile
        if (!differences(now, after).isEmpty()) {
          throw HostK8sException.user(ErrorCode.CLOUD_DATA_MISMATCH, "After the copy the row counts differ: "
              + String.join("; ", differ) + ".", "Stop writes to the " + from.side() + " app (no voting) and copy again"
              + " with --force.");
        }
        source = now;
      }
      lines.add(to.side() + " after: " + describe(after) + " — the same as " + from.side());
      long ms = millis(t0);
      LOG.info(() -> "data copied " + from.side() + " → " + to.side() + ": " + describe(after) + " in " + ms + " ms");
      return new Outcome(source, lines, ms);
    } catch (IOException e) {
      throw HostK8sException.user(ErrorCode.CLOUD_DATA_COPY_FAILED, "Copying the data failed: " + e.getMessage(),
          "Check both clusters are reachable, then run it again.");
    }
  }

  private static LocalPortForward forward(Database db) {
    try {
      return db.client().pods().inNamespace(db.namespace()).withName(db.pod())
          .portForward(5432, InetAddress.getLoopbackAddress(), 0); // loopback only
    } catch (RuntimeException e) {
      throw HostK8sException.user(ErrorCode.FORWARD_FAILED, "Cannot port-forward to " + db + ": " + e.getMessage(),
          "Check that the cluster is reachable and the pod is ready.");
    }
  }

  private static List<String> differences(Map<String, Long> source, Map<String, Long> target) {
    List<String> out = new ArrayList<>();
    source.forEach((table, rows) -> {
      if (!rows.equals(target.get(table))) {
        out.add(table + ": " + rows + " vs " + target.get(table));
      }
    });
    return out;
  }

  static String describe(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      return "no tables";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((t, n) -> parts.add(t + " " + n + " rows"));
    return String.join(", ", parts);
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
