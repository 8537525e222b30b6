package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis or Postgres going away mid-run: the worker reconnects and no popped vote is lost. */
class OutageTest extends WorkerFixture {

  @Test
  void postgresCrashLosesNoVote() throws Exception {
    Map<String, String> expected = new HashMap<>();
    startWorker(config());
    for (int i = 0; i < 5; i++) {
      push(voteJson("v" + i, "a"));
      expected.put("v" + i, "a");
    }
    until(() -> rows().equals(expected));

    postgres.crash();
    for (int i = 5; i < 25; i++) {
      push(voteJson("v" + i, i % 2 == 0 ? "a" : "b"));
      expected.put("v" + i, i % 2 == 0 ? "a" : "b");
    }
    push(voteJson("v0", "b")); // a changed mind, queued behind the others
    expected.put("v0", "b");

    // The worker took exactly one vote, failed to write it and kept it; then stopped taking more.
    until(() -> llen(VoteQueue.PROCESSING) == 1 && llen(VoteQueue.VOTES) == 20);
    Thread.sleep(1_500); // several reconnection attempts
    assertThat(llen(VoteQueue.PROCESSING)).isEqualTo(1);
    assertThat(llen(VoteQueue.VOTES)).isEqualTo(20);
    assertThat(list(VoteQueue.PROCESSING)).containsExactly(voteJson("v5", "b"));
    assertThatThrownBy(WorkerFixture::rows).isInstanceOf(SQLException.class);

    postgres.startAgain();
    until(() -> rows().equals(expected));
    until(() -> llen(VoteQueue.PROCESSING) == 0 && llen(VoteQueue.VOTES) == 0);
  }

  @Test
  void redisRestartIsSurvived() throws Exception {
    startWorker(config());
    push(voteJson("r1", "a"), voteJson("r2", "b"));
    until(() -> rows().equals(Map.of("r1", "a", "r2", "b")));

    redis.kill();
    Thread.sleep(1_000); // the worker notices and backs off
    redis.startAgain();

    push(voteJson("r3", "a"), voteJson("r1", "b"));
    until(() -> rows().equals(Map.of("r1", "b", "r2", "b", "r3", "a")));
    until(() -> llen(VoteQueue.PROCESSING) == 0 && llen(VoteQueue.VOTES) == 0);
  }
}
