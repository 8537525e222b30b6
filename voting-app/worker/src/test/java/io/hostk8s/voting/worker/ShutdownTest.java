package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
    List<String> messages = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        messages.add(String.valueOf(record.getMessage()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(VoteWorker.class.getName());
    logger.addHandler(capture);
    try {
      VoteWorker worker = startWorker(unreachable);
      // 100, 200, … ms: wait until the worker has begun a 3.2 s pause.
      until(() -> messages.stream().anyMatch(m -> m.contains("retrying in 3200 ms")));

      long start = System.nanoTime();
      worker.stop();
      assertThat(worker.awaitStopped(Duration.ofSeconds(10))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    } finally {
      logger.removeHandler(capture);
    }
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
