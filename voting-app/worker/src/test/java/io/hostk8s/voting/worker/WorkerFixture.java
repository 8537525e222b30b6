package io.hostk8s.voting.worker;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.Jedis;

/**
 * Base of the worker tests: one real redis-server and one real Postgres per test class, emptied before each
 * test, and workers run in-process on their own threads (stopped after each test).
 */
abstract class WorkerFixture {
  static final Duration POLL = Duration.ofMillis(300);
  static final Duration MAX_BACKOFF = Duration.ofMillis(500);

  static RedisProcess redis;
  static PostgresProcess postgres;
  private final List<VoteWorker> workers = new ArrayList<>();

  @BeforeAll
  static void startServers() throws Exception {
    redis = RedisProcess.start();
    postgres = PostgresProcess.start();
  }

  @AfterAll
  static void stopServers() {
    if (redis != null) {
      redis.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void emptyStores() throws SQLException {
    try (Jedis jedis = redis.client()) {
      jedis.flushAll();
    }
    try (Connection c = postgres.connect(PostgresProcess.DATABASE); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS votes");
    }
  }

  @AfterEach
  void stopWorkers() throws InterruptedException {
    for (VoteWorker worker : workers) {
      worker.stop();
    }
    for (VoteWorker worker : workers) {
      worker.awaitStopped(Duration.ofSeconds(30));
    }
  }

  WorkerConfig config() {
    return new WorkerConfig("127.0.0.1", redis.port(), "127.0.0.1", postgres.port(), PostgresProcess.USER,
        "unused-with-trust-auth", PostgresProcess.DATABASE, POLL, MAX_BACKOFF);
  }

  VoteWorker startWorker(WorkerConfig config) {
    VoteWorker worker = new VoteWorker(config);
    workers.add(worker);
    Thread thread = new Thread(worker, "test-worker-" + workers.size());
    thread.setDaemon(true);
    thread.start();
    return worker;
  }

  static String voteJson(String voter, String vote) {
    return "{\"voter_id\":\"" + voter + "\",\"vote\":\"" + vote + "\"}";
  }

  static void push(String... items) {
    try (Jedis jedis = redis.client()) {
      jedis.rpush(VoteQueue.VOTES, items);
    }
  }

  static long llen(String key) {
    try (Jedis jedis = redis.client()) {
      return jedis.llen(key);
    }
  }

  static List<String> list(String key) {
    try (Jedis jedis = redis.client()) {
      return jedis.lrange(key, 0, -1);
    }
  }

  /** voter id to vote, as the table holds them now (throws while Postgres or the table is missing). */
  static Map<String, String> rows() throws SQLException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Connection c = postgres.connect(PostgresProcess.DATABASE); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, vote FROM votes ORDER BY id")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  /** Generous: the CI machine may be a loaded 2-core box. */
  static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(50)).ignoreExceptions();
  }

  static void until(Callable<Boolean> condition) {
    eventually().until(condition);
  }
}
