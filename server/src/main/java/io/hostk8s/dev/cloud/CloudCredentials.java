package io.hostk8s.dev.cloud;

import io.hostk8s.dev.cloud.digitalocean.TokenSource;
import io.hostk8s.dev.core.EngineServices;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where cloud commands get their DigitalOcean token: {@code DIGITALOCEAN_ACCESS_TOKEN} of the engine's environment,
 * else the IDE's secret storage through the {@code hostk8s/secret} request (the LSP front end installs the
 * {@link SecretAsker}). The token is held in memory for one command only: never written, logged or returned.
 */
public final class CloudCredentials implements AutoCloseable {
  public static final String TOKEN_ENV = "DIGITALOCEAN_ACCESS_TOKEN";
  /** The name the IDE's secret storage knows the token by. */
  public static final String DO_TOKEN_SECRET = "digitalocean.token";
  private static final Logger LOG = Logger.getLogger(CloudCredentials.class.getName());

  /** Asks the person's IDE for a secret by name; empty when it has none (or the person cancelled). */
  @FunctionalInterface
  public interface SecretAsker {
    Optional<String> ask(String name) throws Exception;
  }

  private volatile SecretAsker asker;

  public static CloudCredentials of(EngineServices engine) {
    return engine.feature(CloudCredentials.class, e -> new CloudCredentials());
  }

  /** Installed by a front end that can ask its person (the LSP server). */
  public void setAsker(SecretAsker asker) {
    this.asker = asker;
  }

  /**
   * A token source for one command: the environment's token, else the IDE's, asked at most once (a missing token is
   * reported by the client as CLOUD_TOKEN_MISSING with the ways to provide one).
   */
  public TokenSource digitalOcean(Map<String, String> env) {
    return new TokenSource() {
      private Optional<String> memo;

      @Override
      public synchronized Optional<String> token() {
        if (memo == null) {
          memo = resolve(env);
        }
        return memo;
      }
    };
  }

  private Optional<String> resolve(Map<String, String> env) {
    String fromEnv = env.get(TOKEN_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.trim());
    }
    SecretAsker a = asker;
    if (a == null) {
      return Optional.empty();
    }
    try {
      return a.ask(DO_TOKEN_SECRET).map(String::trim).filter(s -> !s.isEmpty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (Exception e) {
      LOG.log(Level.INFO, "the IDE did not answer the secret request: {0}", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    asker = null;
  }
}
