package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping is prompt, in-process and as a real process receiving SIGTERM. */
class ShutdownTest extends WorkerFixture {

  @Test
  void stopReturnsPromptlyWhileWaitingForVotes() throws Exception {
    VoteWorker worker = startWorker(config().withTimings(Duration.ofSeconds(1), MAX_BACKOFF));
    push(voteJson("s1", "a"));
    until(() -> rows().equals(Map.of("s1", "a")));

    long start = System.nanoTime();
    worker.stop();
    assertThat(worker.awaitStopped(Duration.ofSeconds(10))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void stopInterruptsAReconnectionBackoff() throws Exception {
    int closedPort = TestProcesses.freePort();
    WorkerConfig unreachable = new WorkerConfig("127.0.0.1", redis.port(), "127.0.0.1", closedPort, "postgres",
        "postgres", "votes", POLL, Duration.ofSeconds(60));
    VoteWorker worker = startWorker(unreachable);
    Thread.sleep(2_000); // several failed attempts: the backoff is now seconds long

    long start = System.nanoTime();
    worker.stop();
    assertThat(worker.awaitStopped(Duration.ofSeconds(10))).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void sigtermEndsTheProcessWithStatusZeroAfterTheVotesInHand(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("worker.log");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("REDIS_HOST", "127.0.0.1");
    env.put("REDIS_PORT", Integer.toString(redis.port()));
    env.put("POSTGRES_HOST", "127.0.0.1");
    env.put("POSTGRES_PORT", Integer.toString(postgres.port()));
    env.put("POSTGRES_USER", PostgresProcess.USER);
    env.put("POSTGRES_PASSWORD", "unused");
    env.put("POSTGRES_DB", PostgresProcess.DATABASE);
    env.remove("JAVA_TOOL_OPTIONS");
    Process process = builder.start();
    try {
      push(voteJson("p1", "a"), voteJson("p2", "b"));
      until(() -> rows().equals(Map.of("p1", "a", "p2", "b")));
      assertThat(Files.readString(log)).contains("Processing vote for 'b' by 'p2'");

      long start = System.nanoTime();
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(process.exitValue()).as("exit status; log:\n%s", Files.readString(log)).isZero();
      assertThat(Files.readString(log)).contains("Shutdown requested", "Worker stopped");
      assertThat(llen(VoteQueue.PROCESSING)).isZero();
    } finally {
      TestProcesses.killTree(process);
    }
  }
}
