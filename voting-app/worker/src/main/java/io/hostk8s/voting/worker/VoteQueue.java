package io.hostk8s.voting.worker;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ListDirection;

/**
 * The Redis side of the reliable queue. An item is moved atomically from {@code votes} to
 * {@code votes:processing} when taken, and removed from there only after Postgres has it; so a crash or an
 * outage between the two leaves it in {@code votes:processing}, from where {@link #pending()} replays it.
 */
final class VoteQueue implements AutoCloseable {
  static final String VOTES = "votes";
  static final String PROCESSING = "votes:processing";
  static final String DEAD = "votes:dead";

  private final Jedis jedis;

  private VoteQueue(Jedis jedis) {
    this.jedis = jedis;
  }

  /** Connects and checks the connection with PING; throws a JedisException when Redis is not there. */
  static VoteQueue open(WorkerConfig config) {
    int blockingMillis = (int) Math.min(Integer.MAX_VALUE, config.pollTimeout().toMillis() + 5_000);
    DefaultJedisClientConfig clientConfig = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(5_000)
        .socketTimeoutMillis(10_000)
        .blockingSocketTimeoutMillis(blockingMillis)
        .clientName("hostk8s-worker")
        .protocol(RedisProtocol.RESP2)
        .build();
    Jedis jedis = new Jedis(new HostAndPort(config.redisHost(), config.redisPort()), clientConfig);
    try {
      jedis.ping();
      return new VoteQueue(jedis);
    } catch (RuntimeException e) {
      jedis.close();
      throw e;
    }
  }

  /** Items taken earlier but never acknowledged, oldest first. */
  List<String> pending() {
    return jedis.lrange(PROCESSING, 0, -1);
  }

  /** Takes the oldest vote into the processing list, waiting at most {@code timeout}; null if none came. */
  String next(Duration timeout) {
    double seconds = timeout.toMillis() / 1000.0;
    return jedis.blmove(VOTES, PROCESSING, ListDirection.LEFT, ListDirection.RIGHT, seconds);
  }

  /** The item is stored: forget it. */
  void ack(String item) {
    jedis.lrem(PROCESSING, 1, item);
  }

  /** The item can never be stored: park it in the dead-letter list (atomically with the removal). */
  void deadLetter(String item) {
    Transaction tx = jedis.multi();
    tx.rpush(DEAD, item);
    tx.lrem(PROCESSING, 1, item);
    tx.exec();
  }

  @Override
  public void close() {
    try {
      jedis.close();
    } catch (RuntimeException ignored) {
      // the connection is being dropped anyway
    }
  }
}
