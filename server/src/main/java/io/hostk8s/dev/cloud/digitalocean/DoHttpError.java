package io.hostk8s.dev.cloud.digitalocean;

/**
 * What DigitalOcean answered, kept as the cause of the {@code HostK8sException} a failed call throws (the error type
 * has no data slot): the HTTP status (0 when no answer came), DigitalOcean's error {@code id} (e.g.
 * {@code unprocessable_entity}), its request id, and whether running the same call again later may succeed. Holds no
 * request or response header, so never the token. {@link DoErrors#details} finds it.
 */
public final class DoHttpError extends RuntimeException {
  private final int status;
  private final String id;
  private final String requestId;
  private final boolean retryable;

  public DoHttpError(int status, String id, String requestId, boolean retryable, String message) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
    this.requestId = requestId;
    this.retryable = retryable;
  }

  public int status() {
    return status;
  }

  /** DigitalOcean's error id, or null. */
  public String id() {
    return id;
  }

  /** DigitalOcean's request id, or null. */
  public String requestId() {
    return requestId;
  }

  public boolean retryable() {
    return retryable;
  }
}
