package io.hostk8s.dev.up;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.cli.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `hostk8s-dev up --sandbox` on a machine without redis-server (a PATH holding every tool of this machine but that
 * one): it fails in seconds — before starting the sandbox, not after a 180 s rollout wait — with 8003 naming
 * redis-server, the service that needs it and `make setup`; and `doctor` reports the same missing piece.
 */
class UpPreflightWireTest {
  @Test
  void upFailsInSecondsNamingTheMissingRuntimeAndTheFix(@TempDir Path tmp) throws Exception {
    Path ws = UpWireTest.repo();
    Map<String, String> env = Map.of("HOSTK8S_SANDBOX_JAR", System.getProperty("hostk8s.testbedJar"), "PATH", pathWithout(tmp, "redis-server"));
    long t0 = System.nanoTime();
    var up = CliRunner.run(ws, env, "up", "--sandbox", "--workspace", ws.toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.err.printf("up failed after %.2f s (CLI JVM start included)%n", seconds);
    assertThat(up.exit()).as(up.out() + up.err()).isNotZero();
    assertThat(up.err()).contains("8003").contains("redis-server").contains("redis").contains("make setup");
    assertThat(up.err()).doesNotContain("flask").doesNotContain("node_modules"); // only what is missing
    assertThat(up.err()).doesNotContain("cluster: starting the sandbox");
    assertThat(seconds).as("up should fail within seconds").isLessThan(8);
    assertThat(ws.resolve(".hostk8s/sandbox/sandbox.pid")).satisfiesAnyOf(
        p -> assertThat(p).doesNotExist(),
        p -> assertThat(ProcessHandle.of(Long.parseLong(Files.readString(p).trim())).map(ProcessHandle::isAlive).orElse(false)).isFalse());

    var doctor = CliRunner.run(ws, env, "doctor", "--workspace", ws.toString());
    assertThat(doctor.out()).contains("sandbox runtimes").contains("redis-server").contains("make setup");
  }

  /** A PATH directory with a link to every executable of the machine's PATH except {@code name}. */
  static String pathWithout(Path tmp, String name) throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String dir : System.getenv("PATH").split(":")) {
      Path d = Path.of(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> files = Files.list(d)) {
        for (Path f : (Iterable<Path>) files.sorted(Comparator.naturalOrder())::iterator) {
          Path link = bin.resolve(f.getFileName().toString());
          if (!f.getFileName().toString().equals(name) && Files.isExecutable(f) && !Files.isDirectory(f) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, f);
          }
        }
      }
    }
    return bin.toString();
  }
}
