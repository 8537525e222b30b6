package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.hostk8s.dev.testbed.kubelet.PodFiles;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A checkout under a 0700 dir (as {@code mktemp -d} makes): the db pod's data lives in the sandbox's private area
 * outside the workspace (postgres runs as {@code postgres} under root), and close() leaves nothing behind.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DbUnderPrivateParentIT {

  private static final String NS = "sample-app";
  private static final String PG_DATA = "/var/lib/postgresql/data";

  @Test
  void theDbPodComesUpAnswersQueriesAndLeavesNothingInTheTmpAreaAfterClose() throws Exception {
    Path source = SandboxExtension.workspace();
    Path psql = Tools.onPath("psql");
    Tools.require(source.resolve("voting-app/run-local.sh"), source.resolve("voting-app/k8s/local/db.yaml"),
        Path.of("/usr/lib/postgresql"), psql);
    Set<String> sockDirsBefore = runLocalSocketDirs();
    Path outer = Files.createTempDirectory("hostk8s-0700-");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outer))).isEqualTo("rwx------");
    try {
      Path ws = outer.resolve("checkout");
      for (String f : List.of("voting-app/run-local.sh", "voting-app/k8s/local/00-namespace.yaml",
          "voting-app/k8s/local/db.yaml")) {
        Files.createDirectories(ws.resolve(f).getParent());
        Files.copy(source.resolve(f), ws.resolve(f));
      }
      Sandbox sandbox = Sandbox.start(SandboxOptions.of(ws, ws.resolve(".hostk8s/sandbox")));
      Path area = sandbox.privateDir();
      Path dataDir;
      try {
        dataDir = deployAndQuery(sandbox, ws, psql);
        assertThat(dataDir).startsWith(area);
      } catch (Exception | AssertionError e) {
        sandbox.client().pods().inNamespace(NS).list().getItems().forEach(p -> System.err.println(
            p.getStatus() + "\n" + sandbox.client().pods().inNamespace(NS).withName(p.getMetadata().getName())
                .getLog()));
        throw e;
      } finally {
        sandbox.close();
      }
      assertThat(area).doesNotExist();
      assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
          .map(c -> c.contains(dataDir.toString())).orElse(false)).toList()).as("postgres still running").isEmpty();
      assertThat(runLocalSocketDirs()).as("socket dirs left in /tmp").isSubsetOf(sockDirsBefore);
    } finally {
      PodFiles.deleteTree(outer);
    }
  }

  /** Returns the data directory postgres reports. */
  private static Path deployAndQuery(Sandbox sandbox, Path ws, Path psql) throws Exception {
    for (String f : List.of("00-namespace.yaml", "db.yaml")) {
      try (InputStream in = Files.newInputStream(ws.resolve("voting-app/k8s/local").resolve(f))) {
        for (HasMetadata item : sandbox.client().load(in).items()) {
          sandbox.client().resource(item).fieldManager("it").forceConflicts().serverSideApply();
        }
      }
    }
    Pod db = sandbox.awaitReady(NS, "app=db", Duration.ofSeconds(120)).get(0);
    String pod = db.getMetadata().getName();
    int port = sandbox.serviceLocalPort(NS, "db", 5432).orElseThrow();
    String dataDir = query(psql, port, "SHOW data_directory");
    assertThat(query(psql, port, "CREATE TABLE t(v int); INSERT INTO t VALUES (42); SELECT v FROM t")).isEqualTo("42");

    Path volume = sandbox.podHostPath(NS, pod, PG_DATA).orElseThrow();
    assertThat(Files.isSymbolicLink(volume)).as(volume + " is a link into the private area").isTrue();
    assertThat(volume.toRealPath()).startsWith(sandbox.privateDir().toRealPath());
    assertThat(Path.of(dataDir)).isEqualTo(volume.toRealPath().resolve("pgdata"));
    assertThat(Path.of(dataDir).startsWith(ws)).isFalse();
    for (Path p = volume.toRealPath(); !p.equals(sandbox.privateDir().getParent()); p = p.getParent()) {
      String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
      assertThat(perms).as(p.toString()).isEqualTo("rwx--x--x");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dataDir)))).isEqualTo("rwx------");
    if ("root".equals(System.getProperty("user.name"))) {
      assertThat(Files.getOwner(Path.of(dataDir)).getName()).isEqualTo("postgres");
    }
    ByteArrayOutputStream ls = new ByteArrayOutputStream();
    try (ExecWatch w = sandbox.client().pods().inNamespace(NS).withName(pod).writingOutput(ls)
        .exec("ls", PG_DATA + "/pgdata")) {
      assertThat(w.exitCode().get(60, TimeUnit.SECONDS)).isZero();
    }
    assertThat(ls.toString(StandardCharsets.UTF_8).lines()).contains("PG_VERSION");
    return Path.of(dataDir);
  }

  private static String query(Path psql, int port, String sql) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(psql.toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
        "postgres", "-d", "votes", "-tAq", "-v", "ON_ERROR_STOP=1", "-c", sql).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", "postgres");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static Set<String> runLocalSocketDirs() throws Exception {
    try (Stream<Path> tmp = Files.list(Path.of("/tmp"))) {
      return tmp.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("run-local-pg-"))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }
}
