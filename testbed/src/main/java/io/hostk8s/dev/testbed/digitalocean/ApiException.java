package io.hostk8s.dev.testbed.digitalocean;

/** An error answer in DigitalOcean's shape: HTTP status plus {@code {id, message}}. */
final class ApiException extends RuntimeException {

  private final int status;
  private final String id;

  ApiException(int status, String id, String message) {
    super(message, null, false, false);
    this.status = status;
    this.id = id;
  }

  int status() {
    return status;
  }

  String id() {
    return id;
  }

  static ApiException notFound() {
    return new ApiException(404, "not_found", "The resource you were accessing could not be found.");
  }

  static ApiException unprocessable(String message) {
    return new ApiException(422, "unprocessable_entity", message);
  }

  static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException unauthorized() {
    return new ApiException(401, "unauthorized", "Unable to authenticate you.");
  }
}
