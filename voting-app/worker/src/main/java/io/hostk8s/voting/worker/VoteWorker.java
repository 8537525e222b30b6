package io.hostk8s.voting.worker;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The worker loop: (re)connect, replay what a previous run left in the processing list, then move votes one at
 * a time from Redis to Postgres. Any Redis or Postgres failure drops that connection and retries with backoff;
 * the vote being handled stays in the processing list until Postgres has it, so none is lost.
 */
public final class VoteWorker implements Runnable {
  private static final Logger LOG = Logger.getLogger(VoteWorker.class.getName());

  private final WorkerConfig config;
  private final Backoff backoff;
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Object pause = new Object();
  private volatile boolean running = true;
  private VoteQueue queue;
  private VoteStore store;
  private boolean replayPending = true;

  public VoteWorker(WorkerConfig config) {
    this.config = config;
    this.backoff = new Backoff(config.maxBackoff());
  }

  @Override
  public void run() {
    LOG.info(() -> "Worker starting: " + config);
    try {
      while (running) {
        step();
      }
    } finally {
      closeQueue();
      closeStore();
      LOG.info("Worker stopped");
      finished.countDown();
    }
  }

  /** Asks the loop to stop after the vote in hand; returns at once. */
  public void stop() {
    running = false;
    synchronized (pause) {
      pause.notifyAll();
    }
  }

  /** Waits until {@link #run()} has returned (connections closed); false on timeout. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void step() {
    try {
      connect();
      if (replayPending) {
        replayPending();
      }
      String item = queue.next(config.pollTimeout());
      if (item != null) {
        handle(item);
      }
      backoff.reset();
    } catch (JedisException e) {
      closeQueue();
      retryLater("Redis at " + config.redisHost() + ":" + config.redisPort(), e);
    } catch (SQLException e) {
      closeStore();
      retryLater("Postgres at " + config.postgresHost() + ":" + config.postgresPort(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure; reconnecting", e);
      closeQueue();
      closeStore();
      retryLater("the worker", e);
    }
  }

  private void connect() throws SQLException {
    if (queue == null) {
      queue = VoteQueue.open(config);
      replayPending = true;
      LOG.info(() -> "Connected to Redis at " + config.redisHost() + ":" + config.redisPort());
    }
    if (store == null) {
      store = VoteStore.open(config);
      replayPending = true;
      LOG.info(() -> "Connected to Postgres at " + config.postgresHost() + ":" + config.postgresPort()
          + "/" + config.postgresDb());
    }
  }

  /** Re-processes items a crashed or disconnected run took but never stored (upserts make this idempotent). */
  private void replayPending() throws SQLException {
    var items = queue.pending();
    if (!items.isEmpty()) {
      LOG.info(() -> "Recovering " + items.size() + " unfinished vote(s) from " + VoteQueue.PROCESSING);
    }
    for (String item : items) {
      if (!running) {
        return; // the rest stays in the processing list for the next run
      }
      handle(item);
    }
    replayPending = false;
  }

  private void handle(String item) throws SQLException {
    Vote vote;
    try {
      vote = Vote.parse(item);
    } catch (MalformedVoteException e) {
      queue.deadLetter(item);
      LOG.warning(() -> "Malformed vote moved to " + VoteQueue.DEAD + " (" + e.getMessage() + "): "
          + abbreviate(item));
      return;
    }
    LOG.info(() -> "Processing vote for '" + printable(vote.vote()) + "' by '" + printable(vote.voterId())
        + "'");
    try {
      store.upsert(vote);
    } catch (SQLException e) {
      if (!VoteStore.isDataError(e)) {
        throw e; // connection trouble: the item stays in the processing list and is replayed
      }
      queue.deadLetter(item);
      LOG.warning(() -> "Postgres rejected the vote, moved to " + VoteQueue.DEAD + " (" + e.getMessage() + ")");
      return;
    }
    queue.ack(item);
  }

  private void retryLater(String what, Exception cause) {
    if (!running) {
      return;
    }
    Duration delay = backoff.next();
    LOG.warning(() -> "Lost or cannot reach " + what + " (" + cause.getMessage() + "); retrying in "
        + delay.toMillis() + " ms");
    synchronized (pause) {
      if (running) {
        try {
          pause.wait(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
    }
  }

  private void closeQueue() {
    if (queue != null) {
      queue.close();
      queue = null;
    }
  }

  private void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  private static String abbreviate(String s) {
    return printable(s.length() <= 200 ? s : s.substring(0, 200) + "…");
  }

  /** Queue items are user input: keep control characters (newlines, NUL) out of the log. */
  private static String printable(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return out.toString();
  }
}
