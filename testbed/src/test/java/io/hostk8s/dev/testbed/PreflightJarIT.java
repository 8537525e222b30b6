package io.hostk8s.dev.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.testbed.kubelet.PodFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code preflight} of the shaded jar, as the product runs it before deploying into the sandbox. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PreflightJarIT {

  /** Not a JUnit @TempDir: its clean-up warns about every symlink of the fake bin dirs. */
  private final Path tmp = FakeHost.tempDir();

  @AfterEach
  void cleanUp() {
    PodFiles.deleteTree(tmp);
  }

  @Test
  void withoutRedisServerOnPathTheJsonNamesItAndTheExitCodeIsThree() throws Exception {
    FakeHost.requireRuntimes();
    Path ws = FakeHost.workspace(tmp.resolve("ws"));
    Path bin = FakeHost.bin(tmp.resolve("bin"), "redis-server");

    Result json = preflight(bin, "--workspace", ws.toString(), "--json");
    assertThat(json.code).as(json.output).isEqualTo(3);
    assertThat(json.output.lines()).hasSize(1);
    JsonNode root = JsonMapper.shared().readTree(json.output);
    assertThat(root.get("ok").booleanValue()).isFalse();
    assertThat(root.get("fix").stringValue()).isEqualTo("make setup");
    assertThat(root.get("ms").isIntegralNumber()).isTrue();
    assertThat(root.get("missing")).hasSize(1);
    JsonNode m = root.get("missing").get(0);
    assertThat(m.get("what").stringValue()).isEqualTo("redis-server");
    assertThat(m.get("services")).hasSize(1);
    assertThat(m.get("services").get(0).stringValue()).isEqualTo("redis");
    assertThat(m.get("fix").stringValue()).isEqualTo("apt-get install -y redis-server");
    assertThat(root.size()).isEqualTo(4);
    // JVM start included; the product waits for this before every deploy (under 1 s on an idle 2-core box)
    assertThat(json.took).isLessThan(Duration.ofSeconds(3));

    Result text = preflight(bin, "--workspace", ws.toString());
    assertThat(text.code).isEqualTo(3);
    assertThat(text.output.lines()).containsExactly(
        "missing: redis-server — needed by redis; apt-get install -y redis-server", "fix: make setup");

    Result ok = preflight(FakeHost.bin(tmp.resolve("all")), "--workspace", ws.toString(), "--json");
    assertThat(ok.code).as(ok.output).isZero();
    assertThat(JsonMapper.shared().readTree(ok.output).get("ok").booleanValue()).isTrue();
  }

  private record Result(int code, String output, Duration took) {
  }

  /** Runs the jar with {@code PATH=bin} (and LANG=C: the output is UTF-8 whatever the locale). */
  private static Result preflight(Path bin, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("testbed.jar", "target/hostk8s-dev-testbed.jar"));
    List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
        jar.toString(), "preflight"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
    pb.environment().put("PATH", bin.toString());
    pb.environment().put("LANG", "C");
    pb.environment().remove("LC_ALL");
    long t0 = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, Duration.ofNanos(System.nanoTime() - t0));
  }
}
