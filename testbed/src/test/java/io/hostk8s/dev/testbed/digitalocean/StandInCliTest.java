package io.hostk8s.dev.testbed.digitalocean;

import static org.assertj.core.api.Assertions.assertThat;

import io.hostk8s.dev.testbed.SandboxMainAccess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandInCliTest {

  @TempDir
  Path state;

  @Test
  void upPrintsTheBaseUrlLastAndDownStopsTheProcess() throws Exception {
    String[] opts = {"--state-dir", state.toString(), "--workspace", Path.of("..").toAbsolutePath().toString(),
        "--provision-seconds", "1"};
    Run up = run("up", opts);
    try {
      assertThat(up.code).as(up.err).isZero();
      String url = up.lastLine();
      assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+");
      assertThat(new Api(url, Api.TOKEN).get("/v2/account").status()).isEqualTo(200);
      long pid = Long.parseLong(Files.readString(state.resolve("digitalocean.pid")).trim());
      assertThat(ProcessHandle.of(pid)).isPresent();

      Run again = run("up", opts);
      assertThat(again.code).isZero();
      assertThat(again.out).contains("already running");
      assertThat(again.lastLine()).isEqualTo(url);

      Run down = run("down", "--state-dir", state.toString());
      assertThat(down.code).isZero();
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(new Api(url, Api.TOKEN).answers("/v2/account")).isFalse();
    } finally {
      run("down", "--state-dir", state.toString());
    }
  }

  private record Run(int code, String out, String err) {
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 1).trim();
    }
  }

  private static Run run(String command, String... opts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = new String[opts.length + 2];
    args[0] = "digitalocean";
    args[1] = command;
    System.arraycopy(opts, 0, args, 2, opts.length);
    int code = SandboxMainAccess.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
