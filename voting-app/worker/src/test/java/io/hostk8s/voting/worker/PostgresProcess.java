package io.hostk8s.voting.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Postgres cluster in a temp dir on a free loopback port (trust auth, database {@code votes}), run with
 * pg_ctl as the {@code postgres} OS user when we are root. Can be crashed (immediate stop) and started again.
 */
final class PostgresProcess implements AutoCloseable {
  static final String DATABASE = "votes";
  static final String USER = "postgres";

  private final Path bin;
  private final Path dir;
  private int port;

  private PostgresProcess(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static PostgresProcess start() throws Exception {
    Path bin = ExternalTools.postgresBin();
    Path dir = Files.createTempDirectory("worker-pg");
    Files.createDirectories(dir.resolve("sock"));
    if (ExternalTools.runningAsRoot()) {
      TestProcesses.run(dir.resolve("chown.log"), 30, "chown", "-R", "postgres:postgres", dir.toString());
    }
    PostgresProcess pg = new PostgresProcess(bin, dir, TestProcesses.freePort());
    try {
      pg.asOwner(120, "initdb", "-D", pg.data(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync");
      pg.startOnFreePort();
      try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DATABASE);
      }
      return pg;
    } catch (Exception e) {
      pg.close();
      throw e;
    }
  }

  private void startOnFreePort() throws Exception {
    try {
      startAgain();
    } catch (IOException e) { // the probed port was taken meanwhile: one more try on another
      port = TestProcesses.freePort();
      startAgain();
    }
  }

  /** Starts the server (again) on its port and waits until it accepts connections. */
  void startAgain() throws IOException, InterruptedException {
    // fsync=off is safe here: crash() kills processes, not the OS. synchronous_commit must stay on, or a
    // crash right after a commit loses it and the no-loss test would blame the worker.
    String options = "-p " + port + " -k " + dir.resolve("sock") + " -c listen_addresses=127.0.0.1"
        + " -c fsync=off -c max_connections=30";
    asOwner(180, "pg_ctl", "-D", data(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "150",
        "-o", options, "start");
  }

  /** A crash: {@code pg_ctl stop -m immediate} (no shutdown checkpoint, clients cut off). */
  void crash() throws IOException, InterruptedException {
    asOwner(120, "pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
  }

  int port() {
    return port;
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
  }

  @Override
  public void close() {
    try {
      if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
        crash();
      }
    } catch (IOException | InterruptedException e) {
      killFromPidFile();
    }
    TestProcesses.deleteTree(dir);
  }

  private void killFromPidFile() {
    try {
      String first = Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).get(0).trim();
      ProcessHandle.of(Long.parseLong(first)).ifPresent(p -> {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      });
    } catch (IOException | RuntimeException ignored) {
      // nothing left to kill
    }
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  private void asOwner(long timeoutSeconds, String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (ExternalTools.runningAsRoot()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    TestProcesses.run(dir.resolve(tool + ".log"), timeoutSeconds, command.toArray(String[]::new));
  }
}
