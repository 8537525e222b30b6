package io.hostk8s.dev.testbed.digitalocean;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scripted failure: requests whose method and path match answer {@code status} instead, {@code times} times
 * (negative: until cleared). {@code id}/{@code message} default to DigitalOcean's for the status.
 *
 * @param method HTTP method, or {@code *} for any
 * @param pathRegex matched against the whole request path (no query)
 * @param status the HTTP status to answer
 * @param times how many matching requests fail; negative for all
 * @param retryAfterSeconds the {@code retry-after} header (429), or null for none
 * @param id the error id, or null for the status's usual one
 * @param message the error message, or null for the status's usual one
 */
public record Fault(String method, String pathRegex, int status, int times, Integer retryAfterSeconds, String id,
    String message) {

  public Fault {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathRegex, "pathRegex");
    Pattern.compile(pathRegex);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
    }
  }

  /** {@code times} answers 429 with {@code retry-after: retryAfterSeconds}. */
  public static Fault rateLimited(String method, String pathRegex, int times, int retryAfterSeconds) {
    return new Fault(method, pathRegex, 429, times, retryAfterSeconds, null, null);
  }

  /** {@code times} answers with {@code status} and DigitalOcean's usual error body for it. */
  public static Fault status(String method, String pathRegex, int status, int times) {
    return new Fault(method, pathRegex, status, times, null, null, null);
  }

  String errorId() {
    if (id != null) {
      return id;
    }
    return switch (status) {
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 409 -> "conflict";
      case 412 -> "precondition_failed";
      case 422 -> "unprocessable_entity";
      case 429 -> "too_many_requests";
      case 503 -> "service_unavailable";
      default -> status >= 500 ? "server_error" : "bad_request";
    };
  }

  String errorMessage() {
    if (message != null) {
      return message;
    }
    return switch (status) {
      case 401 -> "Unable to authenticate you.";
      case 403 -> "You do not have permission to perform this action.";
      case 404 -> "The resource you were accessing could not be found.";
      case 422 -> "creating this/these droplet(s) will exceed your droplet limit";
      case 429 -> "API rate limit exceeded.";
      default -> status >= 500 ? "Server was unable to give you a response." : "The request could not be processed.";
    };
  }
}
