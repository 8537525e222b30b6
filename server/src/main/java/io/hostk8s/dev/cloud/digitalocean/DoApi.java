package io.hostk8s.dev.cloud.digitalocean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hostk8s.dev.core.Version;
import io.hostk8s.dev.error.HostK8sException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The DigitalOcean API transport: one okhttp client, the bearer token from the {@link TokenSource} at each request,
 * snake_case JSON, retries (429 for any method, waiting as DigitalOcean says; 5xx and I/O errors with backoff only for
 * GET, PUT, DELETE and HEAD), error mapping ({@link DoErrors}) and a count of the requests made. Paths start with
 * {@code /v2/} and may carry a query; {@code scope} is the token scope the operation needs (named when DigitalOcean
 * answers 403). Logs one FINE line per request (method, path, status, time) and never the token.
 */
public final class DoApi implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DoApi.class.getName());
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String ACCEPT_JSON = "application/json";
  private static final String ACCEPT_ANY = "*/*";
  private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE", "HEAD");
  static final String PER_PAGE = "200";

  private final DoApiConfig config;
  private final HttpUrl base;
  private final OkHttpClient http;
  private final ObjectMapper json = DoJson.MAPPER;
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, Integer> byRoute = new ConcurrentHashMap<>();

  public DoApi(DoApiConfig config) {
    this.config = config;
    this.base = HttpUrl.get(config.baseUrl() + "/");
    this.http = new OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout())
        .readTimeout(config.readTimeout())
        .writeTimeout(config.readTimeout())
        .build();
  }

  public DoApiConfig config() {
    return config;
  }

  /** The whole JSON answer of a GET, as {@code type}. */
  public <T> T get(String path, String scope, Class<T> type) {
    return read(call("GET", path, scope, null, ACCEPT_JSON), type, "GET " + path);
  }

  public <T> T get(String path, String scope, TypeReference<T> type) {
    String route = "GET " + path;
    String text = call("GET", path, scope, null, ACCEPT_JSON);
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw DoErrors.badAnswer(route, e);
    }
  }

  /** The value under {@code key} of a GET's answer (DigitalOcean's envelope, e.g. {@code "account"}), or null. */
  public <T> T getOne(String path, String scope, String key, Class<T> type) {
    return field(call("GET", path, scope, null, ACCEPT_JSON), key, type, "GET " + path);
  }

  /** The array under {@code key} of an unpaginated GET (e.g. node pools, registries); empty when absent. */
  public <T> List<T> getAll(String path, String scope, String key, Class<T> item) {
    return items(tree(call("GET", path, scope, null, ACCEPT_JSON), "GET " + path), key, item, "GET " + path);
  }

  /**
   * Every item under {@code key} of a paginated GET: asks {@code per_page=200} (unless the path sets it) and follows
   * {@code links.pages.next} until absent, each next link re-based onto the configured base URL (only its path and
   * query are kept), so a proxy or test double in front of DigitalOcean sees every page.
   */
  public <T> List<T> list(String path, String scope, String key, Class<T> item) {
    HttpUrl url = url(path);
    if (url.queryParameter("per_page") == null) {
      url = url.newBuilder().addQueryParameter("per_page", PER_PAGE).build();
    }
    List<T> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (url != null) {
      if (!seen.add(url.toString())) {
        String again = url.encodedPath() + "?" + url.encodedQuery();
        LOG.warning(() -> "DigitalOcean's next page link repeats " + again + "; stopping the listing there.");
        break;
      }
      String route = "GET " + url.encodedPath();
      JsonNode page = tree(execute("GET", url, scope, null, ACCEPT_JSON), route);
      out.addAll(items(page, key, item, route));
      String next = page.path("links").path("pages").path("next").textValue();
      url = next == null || next.isBlank() ? null : rebase(next);
    }
    return out;
  }

  /** A GET whose answer is text (the kubeconfig's YAML, a docker config.json kept verbatim). */
  public String getText(String path, String scope) {
    return call("GET", path, scope, null, ACCEPT_ANY);
  }

  /** POST {@code body} as JSON; the answer as {@code type}, or null when {@code type} is null (e.g. 204). Never retried but for 429. */
  public <T> T post(String path, String scope, Object body, Class<T> type) {
    return read(call("POST", path, scope, body, ACCEPT_JSON), type, "POST " + path);
  }

  /** POST, returning the value under {@code key} of the answer. */
  public <T> T postOne(String path, String scope, Object body, String key, Class<T> type) {
    return field(call("POST", path, scope, body, ACCEPT_JSON), key, type, "POST " + path);
  }

  public <T> T put(String path, String scope, Object body, Class<T> type) {
    return read(call("PUT", path, scope, body, ACCEPT_JSON), type, "PUT " + path);
  }

  public <T> T patch(String path, String scope, Object body, Class<T> type) {
    return read(call("PATCH", path, scope, body, ACCEPT_JSON), type, "PATCH " + path);
  }

  /** PATCH, returning the value under {@code key} of the answer. Never retried but for 429. */
  public <T> T patchOne(String path, String scope, Object body, String key, Class<T> type) {
    return field(call("PATCH", path, scope, body, ACCEPT_JSON), key, type, "PATCH " + path);
  }

  public void delete(String path, String scope) {
    call("DELETE", path, scope, null, ACCEPT_JSON);
  }

  /** DELETE with a JSON body (e.g. the selective destroy's ids). */
  public void delete(String path, String scope, Object body) {
    call("DELETE", path, scope, body, ACCEPT_JSON);
  }

  /** HTTP requests made so far, retries included. */
  public int calls() {
    return calls.get();
  }

  /** Requests per route ("GET /v2/account"; path without the query), retries included, sorted by route. */
  public Map<String, Integer> callsByRoute() {
    return new TreeMap<>(byRoute);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private String call(String method, String path, String scope, Object body, String accept) {
    return execute(method, url(path), scope, body, accept);
  }

  private HttpUrl url(String path) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    return HttpUrl.get(config.baseUrl() + path);
  }

  /** {@code next}'s path and query on the configured base URL (keeping the base's own path prefix once). */
  HttpUrl rebase(String next) {
    HttpUrl link = base.resolve(next);
    if (link == null) {
      return null;
    }
    String prefix = base.encodedPath().substring(0, base.encodedPath().length() - 1);
    String path = link.encodedPath();
    if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
      path = path.substring(prefix.length());
    }
    return base.newBuilder().encodedPath(prefix + path).encodedQuery(link.encodedQuery()).build();
  }

  private String execute(String method, HttpUrl url, String scope, Object body, String accept) {
    String route = method + " " + url.encodedPath();
    String token = config.tokens().token().filter(t -> !t.isBlank()).orElseThrow(DoErrors::tokenMissing);
    RequestBody payload = body == null ? null : RequestBody.create(bytes(body, route), JSON);
    Request request = new Request.Builder().url(url)
        .header("Authorization", "Bearer " + token)
        .header("User-Agent", "hostk8s-dev/" + Version.get())
        .header("Accept", accept)
        .method(method, payload == null && needsBody(method) ? RequestBody.create(new byte[0], JSON) : payload)
        .build();
    boolean idempotent = IDEMPOTENT.contains(method);
    for (int attempt = 0; ; attempt++) {
      if (Thread.currentThread().isInterrupted()) {
        throw DoErrors.cancelled(route, null);
      }
      calls.incrementAndGet();
      byRoute.merge(route, 1, Integer::sum);
      long start = System.nanoTime();
      try (Response response = http.newCall(request).execute()) {
        int status = response.code();
        String text = response.body().string();
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.fine(() -> route + " " + status + " " + ms + " ms");
        if (response.isSuccessful()) {
          return text;
        }
        if (status == 429) {
          if (attempt >= config.maxRetries()) {
            throw DoErrors.rateLimited(route, text, DoRetryDelays.whenReset(response::header, Instant.now()), attempt);
          }
          pause(DoRetryDelays.rateLimitWait(response::header, attempt, Instant.now()), route);
        } else if (status >= 500 && idempotent && attempt < config.maxRetries()) {
          pause(DoRetryDelays.backoff(attempt), route);
        } else {
          throw DoErrors.forResponse(status, text, route, scope);
        }
      } catch (IOException e) {
        if (interrupted(e)) {
          Thread.currentThread().interrupt();
          throw DoErrors.cancelled(route, e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        LOG.fine(() -> route + " failed after " + ms + " ms: " + e.getClass().getSimpleName());
        if (!idempotent || attempt >= config.maxRetries()) {
          throw DoErrors.unreachable(config.baseUrl(), route, e);
        }
        pause(DoRetryDelays.backoff(attempt), route);
      }
    }
  }

  private static boolean needsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  private static boolean interrupted(IOException e) {
    return Thread.currentThread().isInterrupted() || (e instanceof InterruptedIOException
        && !(e instanceof SocketTimeoutException) && !"timeout".equals(e.getMessage()));
  }

  private void pause(Duration wait, String route) {
    LOG.fine(() -> route + ": retrying in " + wait.toMillis() + " ms");
    try {
      config.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DoErrors.cancelled(route, e);
    }
  }

  private byte[] bytes(Object body, String route) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw HostK8sException.internal("Cannot write the body of " + route, e);
    }
  }

  private <T> T read(String text, Class<T> type, String route) {
    if (type == null || type == Void.class || text.isBlank()) {
      return null;
    }
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw DoErrors.badAnswer(route, e);
    }
  }

  private JsonNode tree(String text, String route) {
    try {
      return text.isBlank() ? json.createObjectNode() : json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DoErrors.badAnswer(route, e);
    }
  }

  private <T> T field(String text, String key, Class<T> type, String route) {
    JsonNode node = tree(text, route).get(key);
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw DoErrors.badAnswer(route, e);
    }
  }

  private <T> List<T> items(JsonNode page, String key, Class<T> item, String route) {
    List<T> out = new ArrayList<>();
    for (JsonNode n : page.path(key)) {
      try {
        out.add(json.treeToValue(n, item));
      } catch (JsonProcessingException e) {
        throw DoErrors.badAnswer(route, e);
      }
    }
    return out;
  }
}
