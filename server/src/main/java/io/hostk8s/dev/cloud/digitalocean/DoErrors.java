package io.hostk8s.dev.cloud.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import io.hostk8s.dev.error.ErrorCode;
import io.hostk8s.dev.error.HostK8sException;
import io.hostk8s.dev.log.RedactingFormatter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns DigitalOcean's answers into our one error type: a code, a message quoting DigitalOcean's message and request
 * id, and a suggestion the user can act on; the HTTP details ride along as a {@link DoHttpError} cause. Messages are
 * built from the method, path, scope and DigitalOcean's error body only — never a header, so never the token.
 */
public final class DoErrors {
  static final String TOKENS_PAGE = "https://cloud.digitalocean.com/account/api/tokens";
  static final String STATUS_PAGE = "https://status.digitalocean.com";

  private DoErrors() {}

  /** The HTTP details of a failed DigitalOcean call, when {@code e} is one. */
  public static Optional<DoHttpError> details(HostK8sException e) {
    return e.getCause() instanceof DoHttpError d ? Optional.of(d) : Optional.empty();
  }

  static HostK8sException tokenMissing() {
    return HostK8sException.user(ErrorCode.CLOUD_TOKEN_MISSING, "No DigitalOcean API token is set.",
        "Set DIGITALOCEAN_ACCESS_TOKEN in the environment, or run \"HostK8s: Set DigitalOcean Token\" in the IDE; "
            + "create a token at " + TOKENS_PAGE + ".");
  }

  static HostK8sException cancelled(String route, Throwable cause) {
    return new HostK8sException(ErrorCode.CANCELLED, "Cancelled while calling DigitalOcean (" + route + ").", List.of(),
        true, cause);
  }

  /** A non-2xx answer (for 429 see {@link #rateLimited}, for 5xx this is after the retries). */
  static HostK8sException forResponse(int status, String body, String route, String scope) {
    ErrorBody err = ErrorBody.parse(body, DoJson.MAPPER);
    String quoted = err.quoted();
    String head = "DigitalOcean answered " + route + " with HTTP " + status;
    if (status == 401) {
      return error(ErrorCode.CLOUD_UNAUTHORIZED, head + ": " + quoted,
          "The DigitalOcean token is invalid, expired or revoked — create a new one at " + TOKENS_PAGE
              + " and set it again (DIGITALOCEAN_ACCESS_TOKEN or \"HostK8s: Set DigitalOcean Token\").",
          status, err, false);
    }
    if (status == 403) {
      return error(ErrorCode.CLOUD_FORBIDDEN, head + ": " + quoted + " The token lacks the scope " + scope + ".",
          "Give the token the scope " + scope + " (edit it, or create a new one with it, at " + TOKENS_PAGE + ").",
          status, err, false);
    }
    if (status == 404) {
      return error(ErrorCode.CLOUD_NOT_FOUND, head + ": " + quoted,
          "Check the name or id; it may have been deleted in the DigitalOcean control panel, or belong to another team.",
          status, err, false);
    }
    if (status == 409) {
      return error(ErrorCode.CLOUD_NAME_TAKEN, head + ": " + quoted,
          "Choose another name (registry names are unique across all of DigitalOcean).", status, err, false);
    }
    if (status == 422 && err.message().toLowerCase(Locale.ROOT).contains("droplet limit")) {
      return error(ErrorCode.CLOUD_DROPLET_LIMIT, head + ": " + quoted,
          "Use fewer nodes, delete droplets you no longer need, or ask DigitalOcean for a higher droplet limit "
              + "(https://cloud.digitalocean.com/account/team/droplet_limit_increase).",
          status, err, false);
    }
    if (status >= 500) {
      return error(ErrorCode.CLOUD_SERVER_ERROR, head + ": " + quoted,
          "DigitalOcean has a problem; check " + STATUS_PAGE + " and try again later.", status, err, true);
    }
    return error(ErrorCode.CLOUD_REJECTED, head + ": " + quoted,
        "Follow DigitalOcean's message and change what it names.", status, err, false);
  }

  static HostK8sException rateLimited(String route, String body, String whenReset, int retries) {
    ErrorBody err = ErrorBody.parse(body, DoJson.MAPPER);
    return error(ErrorCode.CLOUD_RATE_LIMITED, "DigitalOcean still limited " + route + " after " + retries
            + " retries: " + err.quoted() + " The limit resets " + whenReset + ".",
        "Wait until the limit resets and run again; other tools using the same token count against it too "
            + "(250 requests a minute, 5,000 an hour).",
        429, err, true);
  }

  static HostK8sException unreachable(String baseUrl, String route, IOException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    return new HostK8sException(ErrorCode.CLOUD_UNREACHABLE,
        "DigitalOcean's API at " + baseUrl + " could not be reached for " + route + " (" + RedactingFormatter.redact(why) + ").",
        List.of("Check the network connection and proxy settings.",
            "If --api-url or " + DoEndpoint.ENV + " is set, check it (unset it to use " + DoEndpoint.DEFAULT + ")."),
        true, new DoHttpError(0, null, null, true, why));
  }

  static HostK8sException badAnswer(String route, Exception e) {
    return new HostK8sException(ErrorCode.CLOUD_SERVER_ERROR,
        "DigitalOcean's answer to " + route + " cannot be read: " + e.getClass().getSimpleName() + ".",
        List.of("Check " + STATUS_PAGE + "; if --api-url or " + DoEndpoint.ENV + " points at a proxy, check that it "
            + "passes DigitalOcean's answers through."),
        false, new DoHttpError(200, null, null, true, String.valueOf(e.getMessage())));
  }

  private static HostK8sException error(ErrorCode code, String message, String suggestion, int status, ErrorBody err,
      boolean retryable) {
    return new HostK8sException(code, message, List.of(suggestion), true,
        new DoHttpError(status, err.id(), err.requestId(), retryable, "HTTP " + status + " " + err.id()));
  }

  /** DigitalOcean's error body {@code {id, message, request_id}}; a body that is not one is quoted (shortened). */
  record ErrorBody(String id, String message, String requestId) {
    static ErrorBody parse(String body, com.fasterxml.jackson.databind.ObjectMapper json) {
      String text = body == null ? "" : body.strip();
      try {
        JsonNode node = json.readTree(text);
        if (node != null && node.isObject() && node.hasNonNull("message")) {
          return new ErrorBody(node.path("id").asText(null), node.path("message").asText(), node.path("request_id").asText(null));
        }
      } catch (IOException notJson) {
        // quoted as text below
      }
      String shortText = text.length() > 200 ? text.substring(0, 200) + "…" : text;
      return new ErrorBody(null, RedactingFormatter.redact(shortText), null);
    }

    String quoted() {
      String msg = message.isEmpty() ? "(no message)" : RedactingFormatter.redact(message);
      String out = id == null ? msg : msg + " [" + id + "]";
      return requestId == null ? out : out + " (request " + requestId + ")";
    }
  }
}
