package io.hostk8s.voting.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Votes flow from the Redis list to the Postgres table; bad items end in the dead-letter list. */
class VoteFlowTest extends WorkerFixture {

  @Test
  void createsTheTableAndUpsertsEachVoterOnce() throws Exception {
    startWorker(config());
    until(() -> columns().equals(Map.of("id", "character varying(255)", "vote", "character varying(255)")));

    push(voteJson("abc", "a"), voteJson("def", "b"));
    until(() -> rows().equals(Map.of("abc", "a", "def", "b")));

    push(voteJson("abc", "b"));
    until(() -> rows().equals(Map.of("abc", "b", "def", "b")));
    assertThat(llen(VoteQueue.VOTES)).isZero();
    assertThat(llen(VoteQueue.PROCESSING)).isZero();
    assertThat(llen(VoteQueue.DEAD)).isZero();
  }

  @Test
  void malformedItemsGoToTheDeadListAndDoNotWedgeTheQueue() throws Exception {
    String tooLong = voteJson("x".repeat(300), "a");
    String nulChar = "{\"voter_id\":\"nul\\u0000\",\"vote\":\"a\"}"; // valid JSON that Postgres refuses
    String[] bad = {"not json", "{\"voter_id\":\"x\"}", "[1,2]", "{\"voter_id\":\"y\",\"vote\":2}", tooLong, nulChar};
    push(bad);
    push(voteJson("good", "a"));
    startWorker(config());

    until(() -> rows().equals(Map.of("good", "a")) && llen(VoteQueue.DEAD) == bad.length);
    assertThat(list(VoteQueue.DEAD)).containsExactly(bad);
    assertThat(llen(VoteQueue.PROCESSING)).isZero();

    push(voteJson("later", "b"));
    until(() -> "b".equals(rows().get("later")));
  }

  @Test
  void replaysWhatACrashedWorkerLeftInTheProcessingListFirst() throws Exception {
    // A previous worker moved this vote to the processing list and died before writing it.
    try (Jedis jedis = redis.client()) {
      jedis.rpush(VoteQueue.PROCESSING, voteJson("crash", "a"));
    }
    push(voteJson("crash", "b"), voteJson("other", "a"));
    startWorker(config());

    // Replayed first, so the newer queued vote ("b") wins.
    until(() -> rows().equals(Map.of("crash", "b", "other", "a"))
        && llen(VoteQueue.PROCESSING) == 0 && llen(VoteQueue.VOTES) == 0);
  }

  private static Map<String, String> columns() throws Exception {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Connection c = postgres.connect(PostgresProcess.DATABASE); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
            + " WHERE a.attrelid = 'votes'::regclass AND a.attnum > 0 AND a.attnotnull AND NOT a.attisdropped")) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(2));
      }
    }
    return columns;
  }
}
