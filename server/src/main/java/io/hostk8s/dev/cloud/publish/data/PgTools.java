package io.hostk8s.dev.cloud.publish.data;

import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.process.ProcessResult;
import io.hostk8s.dev.process.ProcessRunner;
import io.hostk8s.dev.process.ProcessSpec;
import io.hostk8s.dev.progress.Progress;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's client tools (psql, pg_dump, pg_restore) against a port-forward on 127.0.0.1: from
 * {@code HOSTK8S_PG_BIN} when set, else PATH. The password travels in {@code PGPASSWORD} only (never an argument,
 * never a line of output we keep: the tools do not print it).
 */
final class PgTools {
  static final String BIN_ENV = "HOSTK8S_PG_BIN";
  /** One line per table of schema public: {@code name rows}. */
  private static final String COUNTS = "select table_name || ' ' || (xpath('/row/c/text()', query_to_xml(format("
      + "'select count(*) as c from public.%I', table_name), false, true, '')))[1]::text from information_schema.tables"
      + " where table_schema = 'public' and table_type = 'BASE TABLE' order by 1";
  private static final Pattern COUNT_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_$]*) (\\d+)$");
  private final ProcessRunner processes;
  private final Map<String, String> env;

  PgTools(ProcessRunner processes, Map<String, String> env) {
    this.processes = processes;
    this.env = env;
  }

  /** Table → rows in schema public. */
  Map<String, Long> counts(Database db, int port, Progress progress) {
    List<String> out = new ArrayList<>();
    ProcessResult r = run(db, port, progress, out, "psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-d",
        db.database(), "-c", COUNTS);
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String line : out) {
      Matcher m = COUNT_LINE.matcher(line.trim());
      if (m.matches()) {
        counts.put(m.group(1), Long.parseLong(m.group(2)));
      }
    }
    check(r, "counting the rows of the " + db.side() + " database");
    return counts;
  }

  void dump(Database db, int port, List<String> tables, Path file, Progress progress) {
    List<String> args = new ArrayList<>(List.of("pg_dump", "-Fc", "--no-owner", "--no-privileges", "-d", db.database(),
        "-f", file.toString()));
    tables.forEach(t -> args.addAll(List.of("-t", "public.\"" + t + "\"")));
    check(run(db, port, progress, new ArrayList<>(), args.toArray(String[]::new)), "dumping the " + db.side() + " database");
  }

  void restore(Database db, int port, Path file, Progress progress) {
    check(run(db, port, progress, new ArrayList<>(), "pg_restore", "--clean", "--if-exists", "--no-owner",
        "--no-privileges", "--single-transaction", "--exit-on-error", "-d", db.database(), file.toString()),
        "restoring into the " + db.side() + " database");
  }

  private ProcessResult run(Database db, int port, Progress progress, List<String> out, String... command) {
    List<String> argv = new ArrayList<>(List.of(command));
    argv.set(0, tool(command[0]));
    argv.addAll(1, List.of("-h", "127.0.0.1", "-p", String.valueOf(port), "-U", db.user()));
    Map<String, String> pgEnv = Map.of("PGPASSWORD", db.password(), "PGCONNECT_TIMEOUT", "15", "PGAPPNAME", "hostk8s-dev");
    return processes.run(new ProcessSpec(argv, null, pgEnv), out::add, progress);
  }

  private String tool(String name) {
    String bin = env.get(BIN_ENV);
    List<String> dirs = new ArrayList<>();
    if (bin != null && !bin.isBlank()) {
      dirs.add(bin);
    }
    dirs.addAll(List.of(env.getOrDefault("PATH", System.getenv().getOrDefault("PATH", "")).split(File.pathSeparator)));
    for (String dir : dirs) {
      Path p = Path.of(dir.isEmpty() ? "." : dir).resolve(name);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw HostK8sException.user(ErrorCode.CLOUD_DATA_TOOLS_MISSING, name + " (PostgreSQL's client tools) is not on PATH.",
        "Install them (Debian/Ubuntu: apt-get install postgresql-client; macOS: brew install libpq) in a version at least"
            + " the server's (postgres:16 needs 16), or point " + BIN_ENV + " at their bin directory.");
  }

  private static void check(ProcessResult r, String what) {
    if (!r.ok()) {
      String tail = String.join("\n", r.tail());
      throw HostK8sException.user(ErrorCode.CLOUD_DATA_COPY_FAILED, "Failed " + what + " (exit " + r.exitCode() + "): "
          + tail, tail.contains("version mismatch") ? "Install client tools of the server's major version (or newer) and"
          + " point " + BIN_ENV + " at their bin directory." : "Check that the database pod is ready, then run it again:"
          + " nothing is half-copied (the restore is one transaction).");
    }
  }
}
