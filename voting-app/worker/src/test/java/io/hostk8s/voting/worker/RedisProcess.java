package io.hostk8s.voting.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/** A real redis-server on a free loopback port, without persistence; can be killed and restarted on that port. */
final class RedisProcess implements AutoCloseable {
  private final Path redisServer;
  private final Path dir;
  private final int port;
  private Process process;

  private RedisProcess(Path redisServer, Path dir, int port) {
    this.redisServer = redisServer;
    this.dir = dir;
    this.port = port;
  }

  static RedisProcess start() throws Exception {
    Path binary = ExternalTools.redisServer();
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a free port can be taken between probe and bind
      RedisProcess redis = new RedisProcess(binary, Files.createTempDirectory("worker-redis"), TestProcesses.freePort());
      try {
        redis.startAgain();
        return redis;
      } catch (IOException e) {
        redis.close();
        last = e;
      }
    }
    throw last;
  }

  /** (Re)starts the server on the same port and waits until it answers PING. */
  void startAgain() throws IOException, InterruptedException {
    Path log = dir.resolve("redis.log");
    process = new ProcessBuilder(redisServer.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "no")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + "\n" + TestProcesses.tail(log));
      }
      try (Jedis jedis = connect(1_000)) {
        if ("PONG".equals(jedis.ping())) {
          return;
        }
      } catch (JedisException e) {
        Thread.sleep(50);
      }
    }
    TestProcesses.killTree(process);
    throw new IOException("redis-server not ready within 30 s\n" + TestProcesses.tail(log));
  }

  /** SIGKILL: a crash, not a clean shutdown. */
  void kill() {
    TestProcesses.killTree(process);
    process = null;
  }

  int port() {
    return port;
  }

  Jedis client() {
    return connect(10_000);
  }

  private Jedis connect(int timeoutMillis) {
    return new Jedis(new HostAndPort("127.0.0.1", port), DefaultJedisClientConfig.builder()
        .timeoutMillis(timeoutMillis).protocol(RedisProtocol.RESP2).build());
  }

  @Override
  public void close() {
    kill();
    TestProcesses.deleteTree(dir);
  }
}
